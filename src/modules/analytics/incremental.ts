// Keeping the statistics up to date. A case event only queues the case (in the dispatcher's
// transaction, nothing else is read there). The job re-reads the queued cases from the cases module
// and, per case in one transaction, locks its fact row, takes the old contribution off the daily
// aggregates and adds the new one. A rating event is applied at once in the dispatcher's transaction
// (its payload carries everything). Running twice, or on two nodes, changes nothing more.
import { shanghaiDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/events.ts';
import type { StatFacts } from '../cases/index.ts';
import type { AnalyticsDeps } from './deps.ts';
import { deltaBetween, sameFacts, toFactRow } from './facts.ts';
import * as store from './store.ts';

const PAGE = 200;

/** The `case.*` handler: queue the case. Uses only the dispatcher's transaction. */
export async function onCaseChanged(deps: AnalyticsDeps, event: OutboxEvent, tx: Executor) {
  const caseId = event.payload.caseId;
  if (typeof caseId === 'string') await store.enqueue(tx, caseId, deps.clock.now());
}

/** Re-reads the queued cases; returns how many fact rows changed. */
export async function runPending(deps: AnalyticsDeps): Promise<number> {
  let changed = 0;
  for (;;) {
    const ids = await store.takeQueued(deps.db, PAGE);
    if (ids.length === 0) break;
    changed += await refreshCases(deps, ids);
  }
  return changed;
}

export async function refreshCases(deps: AnalyticsDeps, caseIds: string[]): Promise<number> {
  let changed = 0;
  for (const facts of await deps.cases.statFacts(caseIds)) if (await applyFacts(deps, facts)) changed++;
  return changed;
}

/** One case: its new fact row and the difference on the aggregates, in one transaction. */
async function applyFacts(deps: AnalyticsDeps, facts: StatFacts): Promise<boolean> {
  const after = toFactRow(facts);
  return deps.db.transaction().execute(async (tx) => {
    const before = await store.lockFact(tx, after.case_id);
    // an older read (another node was quicker with a newer one) or nothing new: leave it
    if (before && (before.version > after.version || sameFacts(before, after))) return false;
    await store.upsertFact(tx, after);
    await store.upsertItem(tx, facts.implementationId, facts.itemName, facts.departmentId);
    for (const d of deltaBetween(before, after)) await store.applyDelta(tx, d);
    return true;
  });
}

const LEVELS = new Set([1, 2, 3, 4, 5]);

/** `rating.created` / `rating.amended`: the rating's current level, counted once per rating. */
export async function onRating(event: OutboxEvent, tx: Executor) {
  const p = event.payload;
  const level = Number(p.level);
  const at = new Date(String(p.at));
  if (
    typeof p.ratingId !== 'string' ||
    typeof p.departmentId !== 'string' ||
    !LEVELS.has(level) ||
    Number.isNaN(at.getTime())
  )
    return; // not a rating we can count (logged by nobody: the interaction module validates its own)
  const before = await store.lockRating(tx, p.ratingId);
  if (before && (before.at > at || before.level === level)) return; // stale or repeated
  const row = {
    rating_id: p.ratingId,
    case_id: typeof p.caseId === 'string' ? p.caseId : null,
    department_id: before?.department_id ?? p.departmentId,
    division_code: before?.division_code ?? (typeof p.divisionCode === 'string' ? p.divisionCode : ''),
    // a rating counts on the day it was first given; an amendment moves it to another level that day
    day: before?.day ?? shanghaiDate(at),
    level,
    at,
  };
  await store.upsertRating(tx, row);
  if (before?.is_excluded) return; // excluded after an appeal: its level is kept, never counted
  if (before) await store.addRating(tx, before, -1);
  await store.addRating(tx, row, 1);
}

/** `rating.excluded` (an appeal upheld: 恶意差评): the rating stops counting. Repeats change nothing. */
export async function onRatingExcluded(event: OutboxEvent, tx: Executor) {
  const ratingId = event.payload.ratingId;
  if (typeof ratingId !== 'string') return;
  const before = await store.lockRating(tx, ratingId);
  if (!before || before.is_excluded) return;
  await store.excludeRating(tx, ratingId);
  await store.addRating(tx, before, -1);
}
