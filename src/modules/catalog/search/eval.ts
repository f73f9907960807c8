// The search evaluation set (bench/search-eval.json) and hit@k over it, for the eval test and the
// benchmark. A query hits@k when any item it expects is among the first k results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type EvalQuery = { q: string; expected: string[] };
export type EvalOutcome = EvalQuery & { top: string[]; rank: number | null };
export type EvalReport = { count: number; hitAt1: number; hitAt3: number; outcomes: EvalOutcome[] };

const EVAL_SET = fileURLToPath(new URL('../../../../bench/search-eval.json', import.meta.url));

export function loadEvalSet(): EvalQuery[] {
  return (JSON.parse(readFileSync(EVAL_SET, 'utf8')) as { queries: EvalQuery[] }).queries;
}

/** Runs every query through `topNames` (the names of the first results, best first) and scores them. */
export async function evaluate(
  queries: readonly EvalQuery[],
  topNames: (q: string) => Promise<string[]>,
): Promise<EvalReport> {
  const outcomes: EvalOutcome[] = [];
  for (const query of queries) {
    const top = await topNames(query.q);
    const index = top.findIndex((name) => query.expected.includes(name));
    outcomes.push({ ...query, top: top.slice(0, 3), rank: index === -1 ? null : index + 1 });
  }
  const share = (k: number) =>
    outcomes.filter((o) => o.rank !== null && o.rank <= k).length / outcomes.length;
  return { count: outcomes.length, hitAt1: share(1), hitAt3: share(3), outcomes };
}
