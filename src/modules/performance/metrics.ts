// The pure arithmetic of performance evaluation: the facts of a period grouped per department, window
// or item, each metric's numerator and denominator as the lists behind them (the drill-down), the
// composite score and the ranking. No I/O: service.ts reads the facts and calls these.
import { shanghaiDate } from '../../platform/clock.ts';
import type { PerformanceCaseFacts } from '../cases/index.ts';
import type { OrderFacts } from '../supervision/index.ts';
import type { RatingFact } from './deps.ts';
import { FORMULAS, scoreOf } from './formulas.ts';
import type { Period } from './period.ts';
import type { DrillEntry, Level, MetricKey, MetricView, RowView } from './schema.ts';

export type Facts = {
  period: Period;
  /** Beijing day "today" (orders not yet due are not judged) */
  today: string;
  cases: PerformanceCaseFacts[];
  ratings: RatingFact[];
  orders: OrderFacts[];
};
type Owner = { key: string; name: string; departmentId: string; departmentName: string };
export type Group = Owner & {
  cases: PerformanceCaseFacts[];
  ratings: RatingFact[];
  orders: OrderFacts[];
};
export type MetricSets = { numerator: DrillEntry[]; denominator: DrillEntry[]; sum: number };

/** Online filings have no window: they stand together under this key. */
export const ONLINE_WINDOW = 'online';
const LEVEL_LABEL: Record<MetricKey, MetricView['kind']> = {
  onTime: 'rate',
  early: 'rate',
  firstTime: 'rate',
  visits: 'average',
  online: 'rate',
  satisfaction: 'rate',
  rectification: 'rate',
  orders: 'count',
  ordersOnTime: 'rate',
};
const RATING_LEVELS = ['', '非常满意', '满意', '基本满意', '不满意', '非常不满意'];

const within = (p: Period, at: Date | null) => at !== null && at >= p.start && at < p.end;
export const isConcludedIn = (p: Period, c: PerformanceCaseFacts) =>
  c.state === 'concluded' && within(p, c.concludedAt);
const isFiledIn = (p: Period, c: PerformanceCaseFacts) => within(p, c.submittedAt);
const dayOf = (d: Date | null) => (d ? shanghaiDate(d) : '');

/** 跑动次数 of one case (decision 0010). */
export function visitsOf(c: PerformanceCaseFacts): number {
  const atWindow = c.channel === 'window' ? 1 : 0;
  const onTheSpot = c.channel === 'window' && dayOf(c.submittedAt) === dayOf(c.concludedAt);
  const pickup = c.deliveryMethod === 'window' && !onTheSpot ? 1 : 0;
  return atWindow + c.supplements.suppliedAtWindow + pickup;
}

function ownerOf(level: Level, c: PerformanceCaseFacts): Owner {
  const dept = { departmentId: c.departmentId, departmentName: c.departmentName };
  if (level === 'department') return { key: c.departmentId, name: c.departmentName, ...dept };
  if (level === 'item') return { key: c.implementationId, name: c.itemName, ...dept };
  return c.window
    ? { key: c.window.id, name: `${c.window.name}（${c.departmentName}）`, ...dept }
    : { key: ONLINE_WINDOW, name: '网上申报（无窗口）', departmentId: '', departmentName: '' };
}

/** The facts of the period grouped per department, window (filing clerk) or item. */
export function groupFacts(level: Level, f: Facts): Group[] {
  const byId = new Map(f.cases.map((c) => [c.id, c]));
  const groups = new Map<string, Group>();
  const groupOf = (o: Owner) => {
    let g = groups.get(o.key);
    if (!g) {
      g = { ...o, cases: [], ratings: [], orders: [] };
      groups.set(o.key, g);
    }
    return g;
  };
  const unknown = (departmentId: string, key: string): Owner => ({
    key,
    name: '（办件不在范围内）',
    departmentId,
    departmentName: '',
  });
  for (const c of f.cases)
    if (isFiledIn(f.period, c) || isConcludedIn(f.period, c)) groupOf(ownerOf(level, c)).cases.push(c);
  for (const r of f.ratings) {
    if (!within(f.period, r.at)) continue;
    const c = byId.get(r.caseId);
    groupOf(
      c ? ownerOf(level, c) : unknown(r.departmentId, level === 'item' ? r.implementationId : r.departmentId),
    ).ratings.push(r);
  }
  for (const o of f.orders) {
    if (!within(f.period, o.issuedAt)) continue;
    const c = byId.get(o.caseId);
    groupOf(c ? ownerOf(level, c) : unknown(o.departmentId, o.departmentId)).orders.push(o);
  }
  return [...groups.values()];
}

const caseEntry = (c: PerformanceCaseFacts, detail: string): DrillEntry => ({
  kind: 'case',
  id: c.id,
  caseId: c.id,
  caseNo: c.caseNo,
  name: c.itemName,
  detail,
});
const ratingEntry = (r: RatingFact, caseNo: string | null): DrillEntry => ({
  kind: 'rating',
  id: r.ratingId,
  caseId: r.caseId,
  caseNo,
  name: `${r.level} ${RATING_LEVELS[r.level] ?? ''}`,
  detail: [
    `评价于 ${dayOf(r.at)}`,
    r.rectification
      ? r.rectification.closedAt
        ? `整改已办结 ${dayOf(r.rectification.closedAt)}`
        : `整改中（期限 ${r.rectification.dueDate}）`
      : null,
  ]
    .filter(Boolean)
    .join('，'),
});
const orderEntry = (o: OrderFacts): DrillEntry => ({
  kind: 'order',
  id: o.orderId,
  caseId: o.caseId,
  caseNo: o.caseNo,
  name: `督办单 ${o.no}`,
  detail: `发出 ${dayOf(o.issuedAt)}，答复期限 ${o.dueOn}，${o.answeredAt ? `答复于 ${dayOf(o.answeredAt)}` : '未答复'}`,
});

const sets = (numerator: DrillEntry[], denominator: DrillEntry[], sum = numerator.length): MetricSets => ({
  numerator,
  denominator,
  sum,
});

/** Every metric of a group as the lists behind its numerator and denominator. */
export function metricSets(g: Group, f: Facts): Record<MetricKey, MetricSets> {
  const p = f.period;
  const concluded = g.cases.filter((c) => isConcludedIn(p, c));
  const filed = g.cases.filter((c) => isFiledIn(p, c));
  const cDay = (c: PerformanceCaseFacts) => dayOf(c.concludedAt);
  const conclDetail = (c: PerformanceCaseFacts) =>
    `办结于 ${cDay(c)}，法定办结日 ${c.legalDueOn ?? '无'}，承诺办结日 ${c.promisedDueOn ?? '无'}`;
  const den = concluded.map((c) => caseEntry(c, conclDetail(c)));
  const onTime = concluded.filter((c) => c.legalDueOn === null || cDay(c) <= c.legalDueOn);
  const promised = concluded.filter((c) => c.promisedDueOn !== null);
  const early = promised.filter((c) => cDay(c) < (c.promisedDueOn ?? ''));
  const first = concluded.filter((c) => c.supplements.requested === 0);
  const visits = concluded.map((c) => ({ c, n: visitsOf(c) }));
  const caseNoOf = new Map(f.cases.map((c) => [c.id, c.caseNo]));
  const valid = g.ratings.filter((r) => !r.excluded);
  const bad = valid.filter((r) => r.bad);
  const rEntry = (r: RatingFact) => ratingEntry(r, caseNoOf.get(r.caseId) ?? null);
  const due = g.orders.filter((o) => o.answeredAt !== null || o.dueOn < f.today);
  const answeredInTime = due.filter((o) => o.answeredAt !== null && dayOf(o.answeredAt) <= o.dueOn);
  const channel = (c: PerformanceCaseFacts) =>
    `${c.channel === 'online' ? '网上申报' : '窗口申报'}于 ${dayOf(c.submittedAt)}`;
  return {
    onTime: sets(
      onTime.map((c) => caseEntry(c, conclDetail(c))),
      den,
    ),
    early: sets(
      early.map((c) => caseEntry(c, conclDetail(c))),
      promised.map((c) => caseEntry(c, conclDetail(c))),
    ),
    firstTime: sets(
      first.map((c) => caseEntry(c, `${conclDetail(c)}，未补正`)),
      concluded.map((c) => caseEntry(c, `补正 ${c.supplements.requested} 次`)),
    ),
    visits: sets(
      visits.filter((v) => v.n > 0).map((v) => caseEntry(v.c, `跑动 ${v.n} 次（${channel(v.c)}）`)),
      visits.map((v) => caseEntry(v.c, `跑动 ${v.n} 次（${channel(v.c)}）`)),
      visits.reduce((s, v) => s + v.n, 0),
    ),
    online: sets(
      filed.filter((c) => c.channel === 'online').map((c) => caseEntry(c, channel(c))),
      filed.map((c) => caseEntry(c, channel(c))),
    ),
    satisfaction: sets(valid.filter((r) => r.level <= 3).map(rEntry), valid.map(rEntry)),
    rectification: sets(bad.filter((r) => r.rectification?.closedAt != null).map(rEntry), bad.map(rEntry)),
    orders: sets(g.orders.map(orderEntry), g.orders.map(orderEntry)),
    ordersOnTime: sets(answeredInTime.map(orderEntry), due.map(orderEntry)),
  };
}

const percent = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1)}%`;

export function metricView(key: MetricKey, s: MetricSets): MetricView {
  const label = FORMULAS.find((x) => x.key === key)?.label ?? key;
  const kind = LEVEL_LABEL[key];
  const denominator = s.denominator.length;
  if (kind === 'count')
    return { key, label, kind, numerator: s.sum, denominator, value: s.sum, text: `${s.sum} 件` };
  if (denominator === 0)
    return { key, label, kind, numerator: s.sum, denominator, value: null, text: '无数据' };
  const value = s.sum / denominator;
  const text = kind === 'rate' ? percent(value) : `${(Math.round(value * 100) / 100).toFixed(2)} 次`;
  return { key, label, kind, numerator: s.sum, denominator, value, text };
}

/** Composite score 0–100 (one decimal) over the weighted metrics that have data; null when none. */
export function compositeScore(metrics: MetricView[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of metrics) {
    const weight = FORMULAS.find((f) => f.key === m.key)?.weight ?? 0;
    if (weight === 0 || m.value === null) continue;
    weighted += weight * scoreOf(m.key, m.value);
    weights += weight;
  }
  return weights === 0 ? null : Math.round((1000 * weighted) / weights) / 10;
}

/** The rows of one level, best score first; equal scores share a rank (1, 1, 3). */
export function rowsOf(level: Level, f: Facts): RowView[] {
  const rows = groupFacts(level, f).map((g) => {
    const all = metricSets(g, f);
    const metrics = FORMULAS.map((x) => metricView(x.key, all[x.key]));
    return {
      key: g.key,
      name: g.name,
      departmentId: g.departmentId,
      departmentName: g.departmentName,
      metrics,
      score: compositeScore(metrics),
      rank: null as number | null,
    };
  });
  rows.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.key.localeCompare(b.key),
  );
  rows.forEach((r, i) => {
    if (r.score === null) return;
    const prev = rows[i - 1];
    r.rank = prev && prev.score === r.score ? prev.rank : i + 1;
  });
  return rows;
}
