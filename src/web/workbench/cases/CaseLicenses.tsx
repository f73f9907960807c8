// 免提交: the e-licenses an applicant chose in place of materials, as the department's reviewers see
// them under the use authorisation (用证授权) — every printed field, the status and the validity.
import { Flex, Typography } from 'antd';
import type { LicenseView } from '../../../modules/licenses/schema.ts';
import { holderCodeLabel } from '../../common/licenses.ts';
import { ProblemAlert } from '../../common/ProblemAlert.tsx';
import { StatusTag } from '../../common/StatusTag.tsx';
import { useLoad } from '../../common/useLoad.ts';

type Used = { materialName: string; license: LicenseView };

export function CaseLicenses({ caseId }: { caseId: string }) {
  const { data, error } = useLoad<{ items: Used[] }>(`/api/licenses/by-case/${caseId}`);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return null;
  return (
    <Flex vertical gap={12} data-testid="case-licenses">
      {data.items.map(({ materialName, license: l }) => (
        <div
          key={`${materialName}:${l.id}`}
          style={{ border: '1px solid #e3e8ef', borderRadius: 8, padding: 12 }}
        >
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{materialName}</Typography.Text>
            <span>→ {l.typeName}</span>
            <StatusTag tone={l.isUsable ? 'success' : 'danger'}>{l.statusLabel}</StatusTag>
          </Flex>
          <dl className="kv" style={{ marginTop: 8 }}>
            <dt>证照编号</dt>
            <dd>{l.licenseNo}</dd>
            <dt>持证主体</dt>
            <dd>
              {l.holderName}（{holderCodeLabel(l.holderCodeType)}：{l.holderCodeMasked}）
            </dd>
            <dt>发证机关</dt>
            <dd>{l.departmentName}</dd>
            <dt>有效期</dt>
            <dd>
              {l.validFrom} 至 {l.validTo ?? '长期'}
            </dd>
            {l.fields.map((f) => (
              <FieldRow key={f.name} name={f.name} value={f.value} />
            ))}
            <dt>电子证照标识</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>
              <a href={`/verify?id=${encodeURIComponent(l.identifier)}`} target="_blank" rel="noreferrer">
                {l.identifier}
              </a>
            </dd>
          </dl>
        </div>
      ))}
    </Flex>
  );
}

const FieldRow = ({ name, value }: { name: string; value: string }) => (
  <>
    <dt>{name}</dt>
    <dd>{value}</dd>
  </>
);
