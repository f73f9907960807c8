// The status actions 证照管理 offers on a license. The server decides (409 LICENSES_WRONG_STATUS); this
// only hides what it would refuse: nothing once a license is final, 恢复 only while suspended.
import type { LicenseStatus } from '../../common/licenses.ts';

/** The verb of moving a license to each status; 恢复 lifts a suspension. */
export const ACTION_LABEL: Record<LicenseStatus, string> = {
  suspended: '暂扣',
  rescinded: '撤销',
  cancelled: '注销',
  expired: '失效',
  revoked: '吊销',
  valid: '恢复',
};

const ENDS: LicenseStatus[] = ['suspended', 'rescinded', 'cancelled', 'expired', 'revoked'];

export function actionsFor(status: LicenseStatus): LicenseStatus[] {
  if (status === 'valid') return ENDS;
  if (status === 'suspended') return ['valid', ...ENDS.filter((s) => s !== 'suspended')];
  return [];
}
