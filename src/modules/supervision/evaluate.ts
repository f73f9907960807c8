// Evaluation. A case event only queues the case (inside the dispatcher's transaction, nothing else is
// read there). The job then evaluates the queued cases and, at most once a minute across all nodes,
// every open case. For each case it raises the findings that are not open yet (the unique open key
// makes a second run or a second node a no-op) and resolves the open warnings the case has left.
import type { Executor } from '../../platform/db/index.ts';
import { emit, type OutboxEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import type { ClockFacts } from '../cases/index.ts';
import type { SupervisionDeps } from './deps.ts';
import { type Finding, findingsFor } from './rules.ts';
import * as store from './store.ts';

const SWEEP_EVERY_MS = 60_000;
const PAGE = 200;

/** The `case.*` handler: queue the case for evaluation. Uses only the dispatcher's transaction. */
export async function onCaseChanged(deps: SupervisionDeps, event: OutboxEvent, tx: Executor) {
  const caseId = event.payload.caseId;
  if (typeof caseId === 'string') await store.enqueue(tx, caseId, deps.clock.now());
}

/** Evaluates queued cases, then (once a minute) all open cases; returns how many warnings changed. */
export async function runPending(deps: SupervisionDeps): Promise<number> {
  let changed = 0;
  for (;;) {
    const ids = await store.takeQueued(deps.db, PAGE);
    if (ids.length === 0) break;
    changed += await evaluateCases(deps, ids);
  }
  if (await store.claimSweep(deps.db, deps.clock.now(), SWEEP_EVERY_MS)) changed += await sweep(deps);
  return changed;
}

/** Every open case, page by page in id order. */
export async function sweep(deps: SupervisionDeps): Promise<number> {
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const ids: string[] = await deps.cases.openCaseIds(after, PAGE);
    if (ids.length === 0) break;
    changed += await evaluateCases(deps, ids);
    after = ids[ids.length - 1] ?? null;
  }
  return changed;
}

export async function evaluateCases(deps: SupervisionDeps, caseIds: string[]): Promise<number> {
  const rules = await store.listRules(deps.db);
  const facts = await deps.cases.clockFacts(caseIds);
  const open = await store.openWarningsOfCases(
    deps.db,
    facts.map((c) => c.id),
  );
  let changed = 0;
  for (const c of facts) {
    const findings = await findingsFor(deps.db, c, rules);
    // most cases of a sweep are as they were: only a case whose warnings change gets a transaction
    const was = open.filter((w) => w.case_id === c.id);
    if (!differs(was, findings)) continue;
    changed += await evaluateOne(deps, c, findings);
  }
  return changed;
}

const differs = (open: store.WarningRow[], findings: Finding[]) =>
  open.length !== findings.length ||
  findings.some((f) => !open.some((w) => w.rule_code === f.rule && w.level === f.level));

/** Resolves and raises under the transaction, against the warnings open now (another node may have acted). */
async function evaluateOne(deps: SupervisionDeps, c: ClockFacts, findings: Finding[]) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    let changed = 0;
    const open = await store.openWarningsOf(tx, c.id);
    for (const w of open) {
      if (findings.some((f) => f.rule === w.rule_code && f.level === w.level)) continue;
      await store.resolveWarning(tx, w.id, now, c.isOpen ? '已不再符合预警条件' : `办件${c.stateLabel}`);
      await emit(tx, 'supervision.warning-resolved', { warningId: w.id, caseId: c.id, rule: w.rule_code });
      changed++;
    }
    for (const f of findings) {
      if (open.some((w) => w.rule_code === f.rule && w.level === f.level)) continue;
      const id = newId();
      const raised = await store.raiseWarning(tx, {
        id,
        no: await store.nextNo(tx, 'JC', now.getUTCFullYear()),
        case_id: c.id,
        case_no: c.caseNo,
        department_id: c.departmentId,
        department_name: c.departmentName,
        item_name: c.itemName,
        rule_code: f.rule,
        level: f.level,
        detail: f.detail,
        raised_at: now,
      });
      if (!raised) continue;
      await emit(tx, 'supervision.warning-raised', {
        warningId: id,
        caseId: c.id,
        departmentId: c.departmentId,
        rule: f.rule,
        level: f.level,
      });
      changed++;
    }
    return changed;
  });
}
