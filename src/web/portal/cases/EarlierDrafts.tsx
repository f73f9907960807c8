// On a new application: the drafts of the same item saved earlier (on this or another device), so the
// applicant continues one instead of starting over.
import { Alert } from 'antd';
import { Link } from 'react-router';
import { applyPath, type DraftView } from '../../common/cases.ts';
import { when } from '../../common/catalog.ts';
import { useLoad } from '../../common/useLoad.ts';

export function EarlierDrafts({
  implementationId,
  ownDraftId,
}: {
  implementationId: string;
  /** the draft this page is saving to, if any: not "earlier" */
  ownDraftId: string | null;
}) {
  const { data } = useLoad<{ items: DraftView[] }>('/api/cases/drafts');
  const earlier = (data?.items ?? [])
    .filter((d) => d.implementationId === implementationId && d.id !== ownDraftId)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const latest = earlier[0];
  if (!latest) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="earlier-draft"
      title={`您有 ${earlier.length} 份此事项的草稿未提交`}
      description={
        <>
          最近一份保存于 {when(latest.updatedAt)}。
          <Link to={applyPath(implementationId, latest.id)}>继续填写这份草稿</Link>
          ，或在下方重新填写。
        </>
      }
    />
  );
}
