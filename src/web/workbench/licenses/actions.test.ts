import { describe, expect, it } from 'vitest';
import { LICENSE_STATUSES } from '../../common/licenses.ts';
import { ACTION_LABEL, actionsFor } from './actions.ts';

describe('证照管理 offers the status changes the server allows', () => {
  it('offers a valid license every end but no 恢复', () => {
    expect(actionsFor('valid').map((s) => ACTION_LABEL[s])).toEqual(['暂扣', '撤销', '注销', '失效', '吊销']);
  });
  it('offers 恢复 first on a suspended license, and the final ends, not 暂扣 again', () => {
    expect(actionsFor('suspended').map((s) => ACTION_LABEL[s])).toEqual([
      '恢复',
      '撤销',
      '注销',
      '失效',
      '吊销',
    ]);
  });
  it('offers nothing once a license is rescinded, cancelled, expired or revoked', () => {
    for (const status of LICENSE_STATUSES.filter((s) => s !== 'valid' && s !== 'suspended'))
      expect(actionsFor(status), status).toEqual([]);
  });
});
