// Rows to response DTOs (a database row never reaches JSON as-is).
import {
  CHANNELS,
  type ChannelCode,
  EVENT_KINDS,
  type EventKind,
  LEVEL_LABELS,
  type Level,
} from './levels.ts';
import { type RatingView, RECTIFICATION_STATE_LABELS, type RectificationView } from './schema.ts';
import type { OrderRow, RatingRow, StepRow } from './store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const kindLabel = (k: string) => EVENT_KINDS[k as EventKind] ?? k;

export const toOutcome = (o: OrderRow): NonNullable<RatingView['rectification']> => ({
  id: o.id,
  no: o.no,
  state: o.state,
  stateLabel: o.outcome === 'appeal_upheld' ? '申诉成立' : RECTIFICATION_STATE_LABELS[o.state],
  outcome: o.outcome,
  dueOn: o.due_on,
  reply: o.reply,
  visitResult: o.visit_result,
  closedAt: iso(o.closed_at),
});

export const toRatingView = (r: RatingRow, order: OrderRow | null): RatingView => ({
  id: r.id,
  caseId: r.case_id,
  caseNo: r.case_no,
  eventId: r.event_id,
  eventKind: r.event_kind as EventKind,
  eventKindLabel: kindLabel(r.event_kind),
  channel: r.channel as ChannelCode,
  channelLabel: CHANNELS[r.channel as ChannelCode] ?? r.channel,
  level: r.level,
  levelLabel: LEVEL_LABELS[r.level as Level],
  previousLevel: r.previous_level,
  text: r.text,
  times: r.times,
  canAmend: r.times < 2,
  raterName: r.rater_name,
  ratedAt: r.rated_at.toISOString(),
  amendedAt: iso(r.amended_at),
  isExcluded: r.is_excluded,
  rectification: order ? toOutcome(order) : null,
});

export const toRectificationView = (
  o: OrderRow,
  today: string,
  steps: StepRow[] = [],
): RectificationView => ({
  id: o.id,
  no: o.no,
  ratingId: o.rating_id,
  caseId: o.case_id,
  caseNo: o.case_no,
  departmentId: o.department_id,
  departmentName: o.department_name,
  itemName: o.item_name,
  level: o.level,
  levelLabel: LEVEL_LABELS[o.level as Level],
  ratingText: o.rating_text,
  eventKindLabel: kindLabel(o.event_kind),
  state: o.state,
  stateLabel: o.outcome === 'appeal_upheld' ? '申诉成立' : RECTIFICATION_STATE_LABELS[o.state],
  outcome: o.outcome,
  dueOn: o.due_on,
  isOverdue: o.state !== 'closed' && o.due_on < today,
  openedAt: o.opened_at.toISOString(),
  finding: o.finding,
  measures: o.measures,
  reply: o.reply,
  visitResult: o.visit_result,
  isVisitSatisfied: o.is_visit_satisfied,
  closedAt: iso(o.closed_at),
  closeNote: o.close_note,
  appealState: o.appeal_state,
  appealReason: o.appeal_reason,
  appealDecision: o.appeal_decision,
  steps: steps.map((s) => ({ step: s.step, content: s.content, byName: s.by_name, at: s.at.toISOString() })),
});
