// Reading cases: the applicant's "my cases", the department's case list, one case with its timeline,
// the public progress lookup (case number + applicant name → masked data only), and the item form.
import { maskName } from '../../../platform/crypto.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { clockView } from '../clock.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import { defaultForm } from '../form.ts';
import { ACTION_LABELS } from '../record.ts';
import { CASE_STATE_LABELS, type CaseListQuery } from '../schema.ts';
import * as store from '../store.ts';
import { toCaseView, toSummary } from '../views.ts';
import { visibleCase } from './common.ts';

async function page(deps: CasesDeps, filter: store.CaseFilter, query: CaseListQuery) {
  const { rows, total } = await store.listCases(deps.db, filter, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const now = deps.clock.now();
  return { items: await Promise.all(rows.map((r) => toSummary(deps.db, r, now))), total };
}

export function myCases(deps: CasesDeps, actor: Actor, query: CaseListQuery) {
  return page(
    deps,
    {
      applicant: { accountId: actor.accountId, enterpriseId: actor.enterpriseId },
      state: query.state,
      text: query.q,
    },
    query,
  );
}

export function departmentCases(deps: CasesDeps, actor: Actor, query: CaseListQuery) {
  return page(
    deps,
    {
      departmentId: actor.departmentId ?? '00000000-0000-0000-0000-000000000000',
      state: query.state,
      text: query.q,
    },
    query,
  );
}

export async function getCase(deps: CasesDeps, actor: Actor, id: string) {
  return toCaseView(deps, await visibleCase(deps.db, actor, id), actor);
}

export async function caseTasks(deps: CasesDeps, actor: Actor, id: string) {
  const c = await visibleCase(deps.db, actor, id);
  if (actor.kind !== 'staff') throw caseErrors.notFound();
  return deps.workflow.tasksOf(c.id);
}

/** 办件查询: both the number and the applicant's exact name must match; the answer is masked. */
export async function publicLookup(deps: CasesDeps, caseNo: string, name: string) {
  const c = await store.findByCaseNo(deps.db, caseNo);
  if (!c || c.applicant_name !== name) throw caseErrors.notFound('未找到与办件编号和申请人姓名相符的办件');
  const [events, stops] = await Promise.all([
    store.eventsOf(deps.db, c.id),
    store.clockStopsOf(deps.db, c.id),
  ]);
  const clock = await clockView(deps.db, c, stops, deps.clock.now());
  return {
    caseNo: c.case_no,
    itemName: c.item_name,
    departmentName: c.department_name,
    applicantNameMasked: maskName(c.applicant_name),
    state: c.state,
    stateLabel: CASE_STATE_LABELS[c.state],
    submittedAt: c.submitted_at.toISOString(),
    promisedDueOn: clock.promisedDueOn,
    remainingDays: clock.remainingDays,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      actionLabel: String(ACTION_LABELS[e.action] ?? e.action),
      stateLabel: CASE_STATE_LABELS[e.to_state],
    })),
  };
}

/** The application form and material list of a published implementation (what the wizard renders). */
export async function formOf(deps: CasesDeps, implementationId: string) {
  const guide = await deps.catalog.getGuide(implementationId);
  const content = guide.version.content;
  return {
    implementationId,
    versionId: guide.version.id,
    itemName: content.name,
    departmentName: guide.department.name,
    isInstant: content.isInstant,
    promisedLimitDays: content.promisedLimitDays,
    serves: content.serves,
    formSchema: defaultForm(content),
    materials: content.materials.map((m) => ({
      name: m.name,
      isRequired: m.isRequired,
      form: m.form,
      copies: m.copies,
      licenseType: m.licenseType,
      note: m.note,
    })),
  };
}
