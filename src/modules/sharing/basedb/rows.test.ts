// 基础库 rows (decision 0015): 电子证照's status is the licenses module's own label, allowed by the
// data item; rows are stored through the one encryptor uploads use.
import { describe, expect, it } from 'vitest';
import { LICENSE_STATUS_LABELS } from '../../licenses/schema.ts';
import { encryptRow } from '../use-cases/mount.ts';
import { BASE_RESOURCES } from './definitions.ts';
import { toLicenseRow } from './sources.ts';

const license = {
  licenseId: 'l-1',
  identifier: 'x',
  licenseNo: 'JY1',
  typeName: '食品经营许可证',
  holderName: '王小明',
  holderCodeType: '公民身份号码',
  holderCode: '411502199001011234',
  departmentName: '信阳市市场监督管理局',
  issuerCode: '11411500MB0000000X',
  divisionCode: '411500',
  validFrom: '2026-03-01',
  validTo: null,
  issuedAt: new Date('2026-03-01T02:00:00Z'),
  holderKind: 'enterprise' as const,
};

describe('base database rows', () => {
  it("电子证照's status codes are the licenses module's labels, 失效 for an expired license", () => {
    const codes = BASE_RESOURCES.license.items.find((i) => i.key === 'status')?.rules.codes;
    expect(codes?.slice().sort()).toEqual(Object.values(LICENSE_STATUS_LABELS).sort());
    const row = toLicenseRow({ ...license, status: 'expired', statusLabel: LICENSE_STATUS_LABELS.expired });
    expect(row.cells.status).toBe('失效');
  });

  it('one encryptor: sensitive values encrypted with a blind index, general ones kept', () => {
    const cipher = { encrypt: (s: string) => `enc(${s})`, blindIndex: (s: string) => `idx(${s})` };
    const items = BASE_RESOURCES.license.items;
    const stored = encryptRow(cipher, items, { holder_name: '王小明', license_no: 'JY1', valid_to: null });
    expect(stored.data).toMatchObject({ holder_name: 'enc(王小明)', license_no: 'JY1', valid_to: null });
    expect(stored.idx).toEqual({ holder_name: 'idx(王小明)' });
  });
});
