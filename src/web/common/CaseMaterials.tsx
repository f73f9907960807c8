// The materials on file for a case, round by round (1 = with the application, later rounds answer a
// supplement request), each file with its size and a download link (an attachment, never shown inline).
import { DownloadOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { type CaseMaterial, sizeText } from './cases.ts';
import { when } from './catalog.ts';
import { StatusTag } from './StatusTag.tsx';

export function CaseMaterials({ materials }: { materials: CaseMaterial[] }) {
  if (materials.length === 0) return <Typography.Text type="secondary">没有材料</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 10 }} data-testid="case-materials">
      {materials.map((m) => (
        <li key={m.id} style={{ overflowWrap: 'anywhere' }}>
          <Flex gap={6} wrap align="center">
            <span style={{ fontWeight: 600 }}>{m.name}</span>
            {m.isRequired ? <StatusTag tone="neutral">必需</StatusTag> : null}
            {m.round > 1 ? <StatusTag tone="warning">补正材料 · 第 {m.round - 1} 次</StatusTag> : null}
          </Flex>
          <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 }}>提交于 {when(m.providedAt)}</div>
          {m.licenseRef ? <StatusTag tone="success">免提交：已使用电子证照</StatusTag> : null}
          <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0, display: 'grid', gap: 2 }}>
            {m.files.map((f) => (
              <li key={f.id}>
                <a href={f.url} download={f.name} data-testid="file-download">
                  <DownloadOutlined aria-hidden /> {f.name}
                </a>{' '}
                <span style={{ color: 'rgba(0, 0, 0, 0.65)', whiteSpace: 'nowrap' }}>{sizeText(f.size)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
