// Rating a service event (好差评): the applicant in the portal, or anyone holding a clerk's signed link
// for one event (二维码 / 政务大厅平板电脑). One rating per event, amendable once (评价次数 ≤ 2). A bad
// rating (codes 4–5) opens a rectification order in the same transaction. Every write: audit + outbox.
import { addWorkingDays } from '../../../platform/calendar.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { maskName } from '../../../platform/crypto.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { newId } from '../../../platform/ids.ts';
import { isOverseer } from '../../../platform/oversight.ts';
import type { ServiceEvents } from '../../cases/index.ts';
import type { InteractionDeps } from '../deps.ts';
import { ratingErrors } from '../errors.ts';
import { CHANNELS, type ChannelCode, EVENT_KINDS, isBad, LEVEL_LABELS, type Level } from './levels.ts';
import { LINK_TTL_MS, readLink, signLink } from './link.ts';
import type { AmendBody, CaseRatings, LinkBody, RateBody } from './schema.ts';
import * as store from './store.ts';
import { toRatingView } from './views.ts';

const DEPARTMENT_ROLES = ['window_clerk', 'reviewer', 'dept_head', 'dept_admin'] as const;
/** The applicant's side, as the cases module decides it: own case, or the enterprise's while acting for it. */
export function isApplicant(actor: Actor | null, ev: ServiceEvents) {
  if (actor?.kind !== 'citizen') return false;
  if (ev.enterpriseId) return actor.enterpriseId === ev.enterpriseId;
  return ev.applicantAccountId === actor.accountId && actor.enterpriseId === null;
}
const isDepartmentStaff = (actor: Actor, ev: ServiceEvents) =>
  actor.kind === 'staff' &&
  actor.departmentId === ev.departmentId &&
  actor.roles.some((r) => (DEPARTMENT_ROLES as readonly string[]).includes(r));

type Rater = { channel: string; accountId: string | null; heads: string[] };

/** Who hears of a new rectification order: the department's heads and admins (read before the transaction). */
async function headsOf(deps: InteractionDeps, departmentId: string | undefined): Promise<string[]> {
  if (!deps.staff || !departmentId) return [];
  return (await deps.staff.departmentStaff(departmentId))
    .filter((s) => s.roles.some((r) => r === 'dept_head' || r === 'dept_admin'))
    .map((s) => s.id);
}

/** The service events of a case with their ratings: for the applicant, its department and overseers. */
export async function caseRatings(deps: InteractionDeps, actor: Actor, caseId: string): Promise<CaseRatings> {
  const ev = await deps.cases.serviceEvents(caseId);
  if (!ev || !(isApplicant(actor, ev) || isDepartmentStaff(actor, ev) || isOverseer(actor)))
    throw ratingErrors.caseNotFound(caseId);
  const ratings = await store.ratingsOfCase(deps.db, caseId);
  const orders = await store.ordersOfRatings(
    deps.db,
    ratings.map((r) => r.id),
  );
  return {
    caseId: ev.caseId,
    caseNo: ev.caseNo,
    itemName: ev.itemName,
    departmentName: ev.departmentName,
    events: ev.events.map((e) => {
      const r = ratings.find((x) => x.event_id === e.eventId);
      return {
        eventId: e.eventId,
        kind: e.kind,
        kindLabel: EVENT_KINDS[e.kind],
        at: e.at.toISOString(),
        rating: r ? toRatingView(r, orders.find((o) => o.rating_id === r.id) ?? null) : null,
      };
    }),
  };
}

/** GB/T 39046 Table 9 rows of a case's ratings (评价时间 as the standard's YYYYMMDDThhmmss, Beijing). */
export async function table9(deps: InteractionDeps, actor: Actor, caseId: string) {
  const ev = await deps.cases.serviceEvents(caseId);
  if (!ev || !(isApplicant(actor, ev) || isDepartmentStaff(actor, ev) || isOverseer(actor)))
    throw ratingErrors.caseNotFound(caseId);
  const stamp = (d: Date) =>
    new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
  return {
    items: (await store.ratingsOfCase(deps.db, caseId)).map((r) => ({
      办件编号: r.case_no,
      评价渠道: CHANNELS[r.channel as ChannelCode] ?? r.channel,
      评价渠道代码: r.channel,
      评价人: r.rater_name,
      评价时间: stamp(r.amended_at ?? r.rated_at),
      评价次数: r.times,
      满意度: LEVEL_LABELS[r.level as Level],
      满意度代码: String(r.level),
      文字评价: r.text,
      行政区划: r.division_code,
    })),
  };
}

/** The applicant rates one service event of their case in the portal. */
export async function rate(
  deps: InteractionDeps,
  ctx: RequestContext,
  caseId: string,
  eventId: string,
  input: RateBody,
) {
  const heads = await headsOf(deps, (await deps.cases.serviceEvents(caseId))?.departmentId);
  return deps.db.transaction().execute(async (tx) => {
    const ev = await deps.cases.serviceEvents(caseId, tx);
    if (!ev || !isApplicant(ctx.actor, ev)) throw ratingErrors.caseNotFound(caseId);
    return createRating(deps, tx, ctx, ev, eventId, input, {
      channel: input.channel,
      accountId: ctx.actor?.accountId ?? null,
      heads,
    });
  });
}

/** The applicant changes their rating, once. */
export async function amend(deps: InteractionDeps, ctx: RequestContext, ratingId: string, input: AmendBody) {
  const heads = await headsOf(deps, (await store.findRating(deps.db, ratingId))?.department_id);
  return deps.db.transaction().execute(async (tx) => {
    const r = await store.lockRating(tx, ratingId);
    const ev = r ? await deps.cases.serviceEvents(r.case_id, tx) : null;
    if (!r || !ev || !isApplicant(ctx.actor, ev)) throw ratingErrors.ratingNotFound(ratingId);
    return amendRating(deps, tx, ctx, r, input, heads);
  });
}

// ── signed links for the window tablet and the QR code ──

/** A clerk of the case's department gets a short-lived link to rate one event. */
export async function issueLink(deps: InteractionDeps, actor: Actor, input: LinkBody) {
  const ev = await deps.cases.serviceEvents(input.caseId);
  if (!ev || !isDepartmentStaff(actor, ev)) throw ratingErrors.caseNotFound(input.caseId);
  if (!ev.events.some((e) => e.eventId === input.eventId)) throw ratingErrors.eventNotFound(input.eventId);
  const exp = deps.clock.now().getTime() + LINK_TTL_MS;
  const token = signLink(deps.config.fieldKey, { ...input, exp });
  return { token, path: `/rate/${token}`, expiresAt: new Date(exp).toISOString() };
}

async function fromLink(deps: InteractionDeps, token: string, db: Tx | undefined = undefined) {
  const link = readLink(deps.config.fieldKey, token, deps.clock.now());
  const ev = link ? await deps.cases.serviceEvents(link.caseId, db) : null;
  const event = ev?.events.find((e) => e.eventId === link?.eventId);
  if (!link || !ev || !event) throw ratingErrors.linkInvalid();
  return { link, ev, event };
}

/** What the public rating page shows for a link. */
export async function linkEvent(deps: InteractionDeps, token: string) {
  const { link, ev, event } = await fromLink(deps, token);
  const r = await store.ratingOfEvent(deps.db, event.eventId);
  const [order] = r ? await store.ordersOfRatings(deps.db, [r.id]) : [];
  return {
    caseNo: ev.caseNo,
    itemName: ev.itemName,
    departmentName: ev.departmentName,
    applicantName: maskName(ev.applicantName),
    eventKind: event.kind,
    eventKindLabel: EVENT_KINDS[event.kind],
    eventAt: event.at.toISOString(),
    channel: link.channel as RateBody['channel'],
    expiresAt: new Date(link.exp).toISOString(),
    rating: r ? toRatingView(r, order ?? null) : null,
  };
}

/** Rating through a link: the rater is the case's applicant (real-name), the channel the link's. */
export async function rateByLink(
  deps: InteractionDeps,
  ctx: RequestContext,
  token: string,
  input: AmendBody,
) {
  const heads = await headsOf(deps, (await fromLink(deps, token)).ev.departmentId);
  return deps.db.transaction().execute(async (tx) => {
    const { link, ev, event } = await fromLink(deps, token, tx);
    return createRating(deps, tx, ctx, ev, event.eventId, input, {
      channel: link.channel,
      accountId: ev.applicantAccountId,
      heads,
    });
  });
}

export async function amendByLink(
  deps: InteractionDeps,
  ctx: RequestContext,
  token: string,
  input: AmendBody,
) {
  const heads = await headsOf(deps, (await fromLink(deps, token)).ev.departmentId);
  return deps.db.transaction().execute(async (tx) => {
    const { link, event } = await fromLink(deps, token, tx);
    const found = await store.ratingOfEvent(tx, event.eventId);
    const r = found ? await store.lockRating(tx, found.id) : undefined;
    // a link amends only the rating given through it: same channel, given after the link was issued —
    // never a rating from the portal or from an earlier link (else the department could rewrite it)
    const issuedAt = link.exp - LINK_TTL_MS;
    if (!r || r.channel !== link.channel || r.rated_at.getTime() < issuedAt)
      throw ratingErrors.ratingNotFound();
    return amendRating(deps, tx, ctx, r, input, heads);
  });
}

// ── the writes ──

async function createRating(
  deps: InteractionDeps,
  tx: Tx,
  ctx: RequestContext,
  ev: ServiceEvents,
  eventId: string,
  input: { level: number; text?: string | undefined },
  rater: Rater,
) {
  const event = ev.events.find((e) => e.eventId === eventId);
  if (!event) throw ratingErrors.eventNotFound(eventId);
  const now = deps.clock.now();
  const row: store.RatingRow = {
    id: newId(),
    case_id: ev.caseId,
    case_no: ev.caseNo,
    event_id: event.eventId,
    event_kind: event.kind,
    event_at: event.at,
    department_id: ev.departmentId,
    department_name: ev.departmentName,
    implementation_id: ev.implementationId,
    item_name: ev.itemName,
    division_code: ev.divisionCode,
    channel: rater.channel,
    level: input.level,
    previous_level: null,
    text: input.text || null,
    times: 1,
    rater_account_id: rater.accountId,
    rater_name: maskName(ev.applicantName),
    rated_at: now,
    amended_at: null,
    is_excluded: false,
  };
  if (!(await store.insertRating(tx, row))) throw ratingErrors.alreadyRated();
  await emit(tx, 'rating.created', eventPayload(row, null, now));
  await deps.audit.record(tx, ctx, {
    action: 'rating.create',
    subjectType: 'rating',
    subjectId: row.id,
    summary: { caseNo: row.case_no, eventKind: row.event_kind, level: row.level, channel: row.channel },
  });
  const order = isBad(row.level) ? await openRectification(deps, tx, ctx, row, now, rater.heads) : null;
  return toRatingView(row, order);
}

async function amendRating(
  deps: InteractionDeps,
  tx: Tx,
  ctx: RequestContext,
  r: store.RatingRow,
  input: AmendBody,
  heads: string[],
) {
  if (r.times >= 2) throw ratingErrors.amendLimit();
  const now = deps.clock.now();
  const text = input.text || null;
  await store.amendRating(tx, r.id, { level: input.level, previous_level: r.level, text, at: now });
  const next = {
    ...r,
    level: input.level,
    previous_level: r.level,
    text,
    times: r.times + 1,
    amended_at: now,
  };
  await emit(tx, 'rating.amended', eventPayload(next, r.level, now));
  await deps.audit.record(tx, ctx, {
    action: 'rating.amend',
    subjectType: 'rating',
    subjectId: r.id,
    summary: { caseNo: r.case_no, level: input.level, previousLevel: r.level },
  });
  const [existing] = await store.ordersOfRatings(tx, [r.id]);
  const order =
    existing ?? (isBad(next.level) ? await openRectification(deps, tx, ctx, next, now, heads) : null);
  return toRatingView(next, order);
}

/** The payload analytics consumes for rating.created / rating.amended (names kept stable). */
const eventPayload = (r: store.RatingRow, previousLevel: number | null, at: Date) => ({
  ratingId: r.id,
  caseId: r.case_id,
  departmentId: r.department_id,
  implementationId: r.implementation_id,
  divisionCode: r.division_code,
  channel: r.channel,
  level: r.level,
  previousLevel,
  at: at.toISOString(),
});

/** 差评 → 整改工单 for the case's department, due in the configured number of working days. */
async function openRectification(
  deps: InteractionDeps,
  tx: Tx,
  ctx: RequestContext,
  r: store.RatingRow,
  now: Date,
  heads: string[],
): Promise<store.OrderRow> {
  const dueOn = await addWorkingDays(tx, shanghaiDate(now), await store.rectifyDays(tx));
  const order: store.RectificationRow = {
    id: newId(),
    no: await store.nextNo(tx, now.getUTCFullYear()),
    rating_id: r.id,
    case_id: r.case_id,
    case_no: r.case_no,
    department_id: r.department_id,
    department_name: r.department_name,
    item_name: r.item_name,
    state: 'verify',
    outcome: null,
    due_on: dueOn,
    opened_at: now,
    finding: null,
    measures: null,
    reply: null,
    visit_result: null,
    is_visit_satisfied: null,
    closed_at: null,
    close_note: null,
    appeal_state: null,
    appeal_reason: null,
    appealed_at: null,
    appeal_decision: null,
    appeal_decided_at: null,
  };
  await store.insertOrder(tx, order);
  await store.addStep(tx, {
    id: newId(),
    rectification_id: order.id,
    step: '生成工单',
    content: `差评自动生成整改工单，整改期限至 ${dueOn}`,
    by_name: '系统',
    at: now,
  });
  for (const id of heads)
    await deps.notify?.send(tx, {
      recipient: { kind: 'staff', id },
      kind: 'rectification.opened',
      title: `差评整改：${r.item_name}（${r.case_no}）`,
      body: `申请人对${EVENT_KINDS[r.event_kind as keyof typeof EVENT_KINDS] ?? ''}服务评价“${LEVEL_LABELS[r.level as 4]}”，请于 ${dueOn} 前核实整改并回访。`,
      link: `/workbench/ratings/${order.id}`,
    });
  await emit(tx, 'rectification.opened', {
    rectificationId: order.id,
    ratingId: r.id,
    caseId: r.case_id,
    departmentId: r.department_id,
    dueOn,
  });
  await deps.audit.record(tx, ctx, {
    action: 'rectification.open',
    subjectType: 'rectification',
    subjectId: order.id,
    summary: { caseNo: r.case_no, ratingId: r.id, dueOn },
  });
  return {
    ...order,
    level: r.level,
    rating_text: r.text,
    event_kind: r.event_kind,
    rater_account_id: r.rater_account_id,
  };
}
