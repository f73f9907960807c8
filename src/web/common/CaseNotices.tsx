// The window's written notices of a case as PDF downloads (attachments): 受理通知书 once accepted,
// 补正材料通知书 for the latest supplement request, 不予受理通知书 after a refusal.
import { FilePdfOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import type { CaseView } from './cases.ts';

type Kind = 'acceptance' | 'supplement' | 'refusal';
const TITLE: Record<Kind, string> = {
  acceptance: '受理通知书',
  supplement: '补正材料通知书',
  refusal: '不予受理通知书',
};

export function CaseNotices({ view }: { view: CaseView }) {
  const kinds: Kind[] = [];
  if (view.acceptanceDocNo) kinds.push('acceptance');
  if (view.supplement) kinds.push('supplement');
  if (view.state === 'refused' && view.refusal) kinds.push('refusal');
  if (kinds.length === 0) return null;
  return (
    <Flex gap={12} wrap style={{ marginTop: 8 }} data-testid="notices">
      {kinds.map((k) => (
        <a key={k} href={`/api/cases/${view.id}/notices/${k}`} download>
          <FilePdfOutlined aria-hidden /> {TITLE[k]}（PDF）
        </a>
      ))}
    </Flex>
  );
}
