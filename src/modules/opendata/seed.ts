// Demo data: the data bureau opens sharing's demo 法人基础信息 on the open-data portal — the legal
// representative's ID number dropped, his name masked, USCC/name/登记机关/状态 kept, 成立日期
// generalised to year-month, counts per 状态 offered (k = 2, so the demo shows a suppressed group).
// Does nothing when it is already open or the resource or the bureau's reviewer is missing.
import type { Actor } from '../../platform/http/access.ts';
import type { OpendataDeps } from './deps.ts';
import { PublishInput } from './schema.ts';
import * as service from './service.ts';
import * as store from './store.ts';

export async function seedOpendata(deps: OpendataDeps, databureau: Actor | null): Promise<number> {
  if (!databureau) return 0;
  const source = (await deps.sharing.openable()).find((s) => s.name === '法人基础信息');
  if (!source || (await store.byResource(deps.db, source.resourceId))) return 0;
  const input = PublishInput.parse({
    resourceId: source.resourceId,
    rules: {
      uscc: { rule: 'keep' },
      name: { rule: 'keep' },
      legal_rep: { rule: 'mask' },
      legal_rep_id: { rule: 'drop' },
      established_on: { rule: 'generalise', to: 'year-month' },
      authority: { rule: 'keep' },
      status: { rule: 'keep' },
    },
    aggregates: ['status'],
    k: 2,
    tags: ['法人', '企业登记', '基础信息'],
  });
  await service.publish(deps, { actor: databureau, requestId: 'seed', ip: '127.0.0.1' }, input);
  return 1;
}
