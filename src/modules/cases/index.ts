// cases: applications (办件) — idempotent online and window filing against a frozen item version, drafts,
// intake decisions, the review through workflow, special procedures, extension, conclusion, withdrawal,
// the statutory working-day clock, my cases, the public progress lookup and the window's PDF notices
// (受理/补正/不予受理通知书). Owns schema `cases`.
// Calls audit, catalog (published versions), identity (applicants), workflow (review steps), and the
// files and notify ports.
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { ActInput } from '../workflow/index.ts';
import type { CasesDeps } from './deps.ts';
import type {
  BundleSubmitInput,
  CaseListQuery,
  DraftInput,
  MaterialInput,
  NoticeKind,
  SpecialKind,
  SubmitInput,
  SupplementInput,
  WindowSubmitInput,
} from './schema.ts';
import { submitBundle } from './use-cases/bundle.ts';
import { clockFacts, openCaseIds } from './use-cases/clock-facts.ts';
import { datasets } from './use-cases/datasets.ts';
import * as drafts from './use-cases/drafts.ts';
import { caseFacts } from './use-cases/facts.ts';
import * as filing from './use-cases/file.ts';
import * as intake from './use-cases/intake.ts';
import { noticePdf } from './use-cases/notices.ts';
import { type PerformanceFactsQuery, performanceFacts } from './use-cases/performance-facts.ts';
import * as reads from './use-cases/reads.ts';
import * as review from './use-cases/review.ts';
import { serviceEvents } from './use-cases/service-events.ts';
import { caseIdsAfter, statFacts } from './use-cases/stat-facts.ts';
import { requireKey } from './use-cases/submit.ts';

export type { CasesDeps, FilesPort, LicensePort, NotifyPort } from './deps.ts';
export { applicantRoutes } from './routes-applicant.ts';
export { staffRoutes } from './routes-staff.ts';
export type { CaseView } from './schema.ts';
export { type SeedTools, seedDemoCases } from './seed.ts';
export type { ClockFacts } from './use-cases/clock-facts.ts';
export type { CaseFacts } from './use-cases/facts.ts';
export type { PerformanceCaseFacts, PerformanceFactsQuery } from './use-cases/performance-facts.ts';
export type { ServiceEventKind, ServiceEvents } from './use-cases/service-events.ts';
export type { StatFacts } from './use-cases/stat-facts.ts';

export function createCases(deps: CasesDeps) {
  return {
    // ── filing ──
    submit: (ctx: RequestContext, key: string | undefined, input: SubmitInput) =>
      filing.submitOnline(deps, ctx, requireKey(key), input),
    submitBundle: (ctx: RequestContext, key: string | undefined, input: BundleSubmitInput) =>
      submitBundle(deps, ctx, requireKey(key), input),
    fileAtWindow: (ctx: RequestContext, key: string | undefined, input: WindowSubmitInput) =>
      filing.fileAtWindow(deps, ctx, requireKey(key), input),
    formOf: (implementationId: string) => reads.formOf(deps, implementationId),
    saveDraft: (ctx: RequestContext, id: string | null, input: DraftInput) =>
      drafts.saveDraft(deps, ctx, id, input),
    listDrafts: (ctx: RequestContext) => drafts.listDrafts(deps, ctx),
    getDraft: (ctx: RequestContext, id: string) => drafts.getDraft(deps, ctx, id),
    deleteDraft: (ctx: RequestContext, id: string) => drafts.deleteDraft(deps, ctx, id),

    // ── reads ──
    myCases: (actor: Actor, query: CaseListQuery) => reads.myCases(deps, actor, query),
    departmentCases: (actor: Actor, query: CaseListQuery) => reads.departmentCases(deps, actor, query),
    getCase: (actor: Actor, id: string) => reads.getCase(deps, actor, id),
    caseTasks: (actor: Actor, id: string) => reads.caseTasks(deps, actor, id),
    /** GB/T 39046 Tables 5–8 for one case (the department's staff). */
    datasets: (actor: Actor, id: string) => datasets(deps, actor, id),
    publicLookup: (caseNo: string, name: string) => reads.publicLookup(deps, caseNo, name),
    /** For modules acting on a case (licenses): decision, frozen version, applicant; null if unknown. */
    facts: (caseId: string, db?: Executor) => caseFacts(deps, caseId, db),
    /** For supervision: each case's clock (dues, remaining working days, pause), 补正 day, specials. */
    clockFacts: (caseIds: string[]) => clockFacts(deps, caseIds),
    /** For ratings (好差评): the case's service events (申报, 补正, 办结), applicant and department. */
    serviceEvents: (caseId: string, db?: Executor) => serviceEvents(deps, caseId, db),
    /** For supervision's sweep: a page of the ids of cases still counting down. */
    openCaseIds: (afterId: string | null, limit: number) => openCaseIds(deps, afterId, limit),
    /** For statistics: dimensions, state, days and due of cases, and every case id page by page. */
    statFacts: (caseIds: string[]) => statFacts(deps, caseIds),
    caseIdsAfter: (afterId: string | null, limit: number) => caseIdsAfter(deps, afterId, limit),
    /** For performance evaluation: cases filed or ended in a period, with channel, dues and 补正. */
    performanceFacts: (query: PerformanceFactsQuery) => performanceFacts(deps, query),
    /** 受理/补正/不予受理通知书 as PDF for the department's staff and the applicant; `origin` for the QR link. */
    notice: (actor: Actor, id: string, kind: NoticeKind, origin: string) =>
      noticePdf(deps, actor, id, kind, origin),

    // ── the window and the applicant ──
    accept: (ctx: RequestContext, id: string, note: string) => intake.accept(deps, ctx, id, note),
    requestSupplement: (ctx: RequestContext, id: string, input: SupplementInput) =>
      intake.requestSupplement(deps, ctx, id, input),
    supply: (ctx: RequestContext, id: string, materials: MaterialInput[]) =>
      intake.supply(deps, ctx, id, materials),
    refuse: (ctx: RequestContext, id: string, input: { reason: string; basis: string }) =>
      intake.refuse(deps, ctx, id, input),
    returnCase: (ctx: RequestContext, id: string, reason: string) => intake.returnCase(deps, ctx, id, reason),
    withdraw: (ctx: RequestContext, id: string, reason: string) => review.withdraw(deps, ctx, id, reason),

    // ── review and decision ──
    actOnTask: (ctx: RequestContext, id: string, taskId: string, input: ActInput) =>
      review.actOnTask(deps, ctx, id, taskId, input),
    startSpecial: (ctx: RequestContext, id: string, input: { kind: SpecialKind; reason: string }) =>
      review.startSpecial(deps, ctx, id, input),
    endSpecial: (ctx: RequestContext, id: string, result: string) => review.endSpecial(deps, ctx, id, result),
    extend: (ctx: RequestContext, id: string, input: { days: number; reason: string }) =>
      review.extend(deps, ctx, id, input),
    conclude: (ctx: RequestContext, id: string, note: string) => review.conclude(deps, ctx, id, note),
  };
}
export type CasesModule = ReturnType<typeof createCases>;
