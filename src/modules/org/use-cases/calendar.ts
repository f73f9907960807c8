// Holiday calendar administration (节假日与调休): the rules and the table live in platform/calendar;
// this module owns who may change them and writes the audit entry in the same transaction.
import * as calendar from '../../../platform/calendar.ts';
import type { RequestContext } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import { orgErrors } from '../errors.ts';
import type { CalendarDayInput, CalendarDayView } from '../schema.ts';
import { type OrgDeps, requireSysAdmin } from './shared.ts';

function checkDay(day: string): void {
  if (!calendar.isIsoDate(day)) {
    throw orgErrors.invalidDate(`${day} 不是有效日期`, [{ path: 'params.day', message: '日期无效' }]);
  }
}

export async function getCalendar(db: Executor, year: number) {
  return { year, days: await calendar.listCalendar(db, year) };
}

export async function setCalendarDay(
  deps: OrgDeps,
  ctx: RequestContext,
  day: string,
  input: CalendarDayInput,
): Promise<CalendarDayView> {
  requireSysAdmin(ctx);
  checkDay(day);
  return deps.db.transaction().execute(async (tx) => {
    const { previous, current } = await calendar.setCalendarDay(tx, {
      day,
      kind: input.kind,
      name: input.name,
    });
    await deps.audit.record(tx, ctx, {
      action: 'calendar.day.set',
      subjectType: 'calendar_day',
      subjectId: day,
      summary: { before: previous, after: current },
    });
    await emit(tx, 'calendar.changed', { day });
    return current;
  });
}

export async function removeCalendarDay(deps: OrgDeps, ctx: RequestContext, day: string): Promise<void> {
  requireSysAdmin(ctx);
  checkDay(day);
  await deps.db.transaction().execute(async (tx) => {
    const removed = await calendar.removeCalendarDay(tx, day);
    if (!removed) throw orgErrors.calendarDayNotFound(`${day} 没有节假日或调休设置`);
    await deps.audit.record(tx, ctx, {
      action: 'calendar.day.remove',
      subjectType: 'calendar_day',
      subjectId: day,
      summary: { before: removed },
    });
    await emit(tx, 'calendar.changed', { day });
  });
}
