// The rebuild: every case's facts read again from the cases module and compared with the stored ones,
// then the daily aggregates (and the rating aggregates) counted again from the facts and compared with
// the incremental ones. Whatever differs is replaced; the report says how much differed.
import type { AnalyticsDeps } from './deps.ts';
import { sameFacts, toFactRow } from './facts.ts';
import * as store from './store.ts';

const PAGE = 500;

export type RebuildReport = {
  /** cases read */
  cases: number;
  /** fact rows that were missing or differed from the cases module */
  factsRepaired: number;
  /** aggregate rows (daily, by county, monthly) that differed from a recount of the facts */
  dailyRepaired: number;
  /** rating aggregate rows that differed from a recount of the rating facts */
  ratingsRepaired: number;
  /** true when the incremental statistics agreed with the recount everywhere */
  agreed: boolean;
};

export async function rebuild(deps: AnalyticsDeps): Promise<RebuildReport> {
  let cases = 0;
  let factsRepaired = 0;
  let after: string | null = null;
  for (;;) {
    const ids: string[] = await deps.cases.caseIdsAfter(after, PAGE);
    if (ids.length === 0) break;
    cases += ids.length;
    after = ids[ids.length - 1] ?? null;
    const fresh = await deps.cases.statFacts(ids);
    const stored = new Map((await store.factsOf(deps.db, ids)).map((f) => [f.case_id, f]));
    const stale = fresh.filter((f) => {
      const old = stored.get(f.id);
      return !old || !sameFacts(old, toFactRow(f));
    });
    if (stale.length === 0) continue;
    factsRepaired += stale.length;
    await deps.db.transaction().execute(async (tx) => {
      for (const f of stale) {
        const before = await store.lockFact(tx, f.id);
        if (before && before.version > f.version) continue; // the job got a newer read meanwhile
        await store.upsertFact(tx, toFactRow(f));
        await store.upsertItem(tx, f.implementationId, f.itemName, f.departmentId);
      }
    });
  }
  const dailyRepaired = await deps.db
    .transaction()
    .execute((tx) => store.checkDaily(tx, true, factsRepaired > 0));
  const ratingsRepaired = await deps.db.transaction().execute((tx) => store.checkRatings(tx, true));
  return {
    cases,
    factsRepaired,
    dailyRepaired,
    ratingsRepaired,
    agreed: factsRepaired === 0 && dailyRepaired === 0 && ratingsRepaired === 0,
  };
}

/** The recount comparison alone (the bench): how many aggregate rows differ, nothing changed. */
export async function verify(deps: AnalyticsDeps) {
  return {
    dailyMismatches: await store.checkDaily(deps.db, false),
    ratingMismatches: await store.checkRatings(deps.db, false),
  };
}
