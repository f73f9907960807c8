// supervision: electronic supervision (电子监察) — rules with parameters, warnings (yellow/red, keyed by
// case, rule and level, history kept), evaluation on every case event (queued) and by a sweep over
// open cases at most once a minute across nodes, supervision orders (督办) and GB/T 39046 Table 11.
// Owns schema `supervision`. Calls audit, cases (clock facts, open case ids, facts) and, through ports,
// notify and the staff of a department (app.ts).
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { SupervisionDeps } from './deps.ts';
import * as evaluation from './evaluate.ts';
import { orderFacts } from './order-facts.ts';
import * as orders from './orders.ts';
import type { IssueOrderBody, OrderQuery, RuleCode, RuleUpdate, WarningQuery } from './schema.ts';
import * as service from './service.ts';

export type { NotifyPort as SupervisionNotifyPort, StaffPort, SupervisionDeps } from './deps.ts';
export type { OrderFacts } from './order-facts.ts';
export { supervisionRoutes } from './routes.ts';
export type { OrderView, WarningDetail, WarningView } from './schema.ts';

/** The case actions whose events queue a case for evaluation. */
const CASE_ACTIONS = [
  'submit',
  'accept',
  'supplement',
  'supply',
  'refuse',
  'return',
  'step',
  'decide',
  'special_start',
  'special_end',
  'extend',
  'conclude',
  'withdraw',
];

export function createSupervision(deps: SupervisionDeps) {
  const queue = (event: OutboxEvent, tx: Tx) => evaluation.onCaseChanged(deps, event, tx);
  return {
    /** Event handlers for the outbox dispatcher: every case state change queues the case. */
    handlers: Object.fromEntries(CASE_ACTIONS.map((a) => [`case.${a}`, [queue]])),
    /** Evaluates queued cases and, at most once a minute across nodes, all open cases. */
    runPending: () => evaluation.runPending(deps),
    /** Evaluates every open case now (the CLI, tests). */
    sweep: () => evaluation.sweep(deps),

    listRules: () => service.listRules(deps),
    updateRule: (ctx: RequestContext, code: RuleCode, input: RuleUpdate) =>
      service.updateRule(deps, ctx, code, input),
    listWarnings: (actor: Actor, query: WarningQuery) => service.listWarnings(deps, actor, query),
    warningDetail: (actor: Actor, id: string) => service.warningDetail(deps, actor, id),
    departmentCounts: (actor: Actor) => service.departmentCounts(deps, actor),
    issueOrder: (ctx: RequestContext, input: IssueOrderBody) => orders.issueOrder(deps, ctx, input),
    answerOrder: (ctx: RequestContext, id: string, answer: string) =>
      orders.answerOrder(deps, ctx, id, answer),
    closeOrder: (ctx: RequestContext, id: string, result: string) => orders.closeOrder(deps, ctx, id, result),
    listOrders: (actor: Actor, query: OrderQuery) => orders.listOrders(deps, actor, query),
    getOrder: (actor: Actor, id: string) => orders.getOrder(deps, actor, id),
    table11: (actor: Actor, caseId: string) => service.table11(deps, actor, caseId),
    /** For performance evaluation: orders issued in [from, to) with due day and answer time. */
    orderFacts: (q: { from: Date; to: Date; departmentId?: string | null }) => orderFacts(deps.db, q),
  };
}
export type SupervisionModule = ReturnType<typeof createSupervision>;
