// Demo ratings: the demo citizens rate the service events of their demo cases — mostly good, every
// eighth a 不满意 that opens a rectification order for the department to work — so that 好差评公示, the big
// screen's satisfaction and 绩效评估 have figures after `npm start`. Idempotent: an event already rated
// is refused by rate() (409) and skipped.

import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { InteractionDeps } from '../deps.ts';
import { rate } from './service.ts';

/** GB/T 39046 A.8 codes in turn (1 非常满意 … 5 非常不满意). */
const LEVELS = [1, 2, 1, 4, 1, 3, 2, 1] as const;
const TEXT: Record<number, string> = {
  1: '网上申报很顺利，进度随时能查。',
  2: '窗口服务热情，材料一次讲清楚。',
  3: '整体还行，等待时间稍长。',
  4: '补正要求前后说法不一致，多跑了一趟。',
};

export async function seedDemoRatings(
  deps: InteractionDeps,
  citizens: Array<Actor | null>,
  caseIdsOf: (citizen: Actor) => Promise<string[]>,
): Promise<number> {
  let made = 0;
  let turn = 0;
  for (const citizen of citizens) {
    if (!citizen) continue;
    const ctx = { actor: citizen, requestId: 'seed-ratings', ip: '127.0.0.1' };
    for (const caseId of await caseIdsOf(citizen)) {
      const events = (await deps.cases.serviceEvents(caseId))?.events ?? [];
      for (const event of events) {
        const level = LEVELS[turn++ % LEVELS.length] ?? 1;
        try {
          await rate(deps, ctx, caseId, event.eventId, { level, text: TEXT[level], channel: '1' });
          made++;
        } catch (e) {
          if (!(e instanceof AppError && e.status === 409)) throw e;
        }
      }
    }
  }
  return made;
}
