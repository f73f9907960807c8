// The rules (监察规则): given a case's clock facts and the enabled rules with their parameters, which
// warnings should be open now. Working days come only from the platform calendar.
import { addWorkingDays } from '../../platform/calendar.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { ClockFacts } from '../cases/index.ts';
import type { RuleCode, WarningLevel } from './schema.ts';
import type { RuleRow } from './store.ts';

export type Finding = { rule: RuleCode; level: WarningLevel; detail: string };

/** The warnings a case deserves now; an empty list for a closed case. */
export async function findingsFor(db: Executor, c: ClockFacts, rules: RuleRow[]): Promise<Finding[]> {
  if (!c.isOpen) return [];
  const out: Finding[] = [];
  for (const rule of rules.filter((r) => r.is_enabled)) {
    const found = await check(db, c, rule);
    if (found) out.push({ rule: rule.code as RuleCode, level: rule.level, detail: found });
  }
  return out;
}

async function check(db: Executor, c: ClockFacts, rule: RuleRow): Promise<string | null> {
  const p = rule.params;
  switch (rule.code) {
    case 'deadline-yellow': {
      const left = c.remainingDays;
      if (left === null || left < 0) return null;
      const byDays = left <= (p.days ?? 0);
      const byShare = c.promisedDays !== null && left * 100 <= c.promisedDays * (p.percent ?? 0);
      return byDays || byShare ? `距承诺期限 ${c.promisedDueOn} 还剩 ${left} 个工作日` : null;
    }
    case 'deadline-red':
      return c.remainingDays !== null && c.remainingDays < 0
        ? `已超过承诺期限 ${c.promisedDueOn} ${-c.remainingDays} 个工作日`
        : null;
    case 'legal-overdue':
      return c.legalRemainingDays !== null && c.legalRemainingDays < 0
        ? `已超过法定期限 ${c.legalDueOn} ${-c.legalRemainingDays} 个工作日`
        : null;
    case 'supplement-late': {
      if (!c.supplementRequestedOn) return null;
      const limit = await addWorkingDays(db, c.receivedOn, p.days ?? 5);
      return c.supplementRequestedOn > limit
        ? `补正告知于 ${c.supplementRequestedOn} 发出，晚于收件后 ${p.days} 个工作日（${limit}）`
        : null;
    }
    case 'special-no-reason': {
      const bare = c.specials.find((s) => s.reason.trim() === '');
      return bare ? `${bare.startedOn} 启动的特别程序未说明理由` : null;
    }
    default:
      return null;
  }
}
