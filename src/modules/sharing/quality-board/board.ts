// 数据质量看板: how well each published resource is kept — the latest load's completeness, validity,
// uniqueness and timeliness (from its stored quality report), rejected rows, and whether an accepted
// load came within the resource's update cycle (codes.ts CYCLE_DAYS, the rule uploads are judged by).
// 数据局 and the service office see every department; a department's data officer only their own
// (asking for another department gives an empty board, as 本部门资源 never shows others' resources).
import type { Actor } from '../../../platform/http/access.ts';
import { CYCLE_DAYS } from '../codes.ts';
import type { SharingDeps } from '../deps.ts';
import { isReviewer } from '../policy.ts';
import type { UpdateCycle } from '../schema.ts';
import type { BoardDepartment, BoardQuery, BoardResource, BoardStatus, QualityBoard } from './schema.ts';
import { type BoardRow, boardRows } from './store.ts';

const DAY = 86_400_000;
/** Worst first. */
const RANK: Record<BoardStatus, number> = { refused: 0, overdue: 1, unmounted: 2, ok: 3 };

const seesAll = (actor: Actor) => isReviewer(actor) || actor.roles.includes('office_admin');
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const mean = (xs: number[]) =>
  xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

export function toBoardResource(row: BoardRow, now: Date): BoardResource {
  const cycle = row.update_cycle as UpdateCycle;
  const days = CYCLE_DAYS[cycle];
  // the cycle runs from the last accepted load (a base database: its last successful refresh, which
  // writes a load only when something changed), or from publication while nothing has been loaded
  const last = [row.accepted_at, row.refreshed_at].filter((d): d is Date => d !== null);
  const since = last.length > 0 ? new Date(Math.max(...last.map((d) => d.getTime()))) : row.published_at;
  const due =
    days !== null && row.mount_kind !== 'api' && since ? new Date(since.getTime() + (days + 1) * DAY) : null;
  const isOverdue = due !== null && now.getTime() > due.getTime();
  const measures = [row.completeness, row.validity, row.uniqueness, row.timeliness].filter(
    (m): m is number => m !== null,
  );
  const status: BoardStatus =
    row.load_status === 'refused'
      ? 'refused'
      : isOverdue
        ? 'overdue'
        : row.mount_kind === 'none'
          ? 'unmounted'
          : 'ok';
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    updateCycle: cycle,
    mountKind: row.mount_kind,
    status,
    isOverdue,
    dueAt: iso(due),
    overdueDays: isOverdue && due ? Math.floor((now.getTime() - due.getTime()) / DAY) : 0,
    lastLoadAt: iso(row.load_at),
    lastAcceptedAt: iso(row.accepted_at),
    latestLoad:
      row.load_id && row.load_status
        ? {
            id: row.load_id,
            status: row.load_status,
            rows: row.row_count ?? 0,
            rejectedRows: row.rejected_count ?? 0,
            problemCount: row.problem_count ?? 0,
            completeness: row.completeness,
            validity: row.validity,
            uniqueness: row.uniqueness,
            timeliness: row.timeliness,
            isOnSchedule: row.is_on_schedule,
          }
        : null,
    score:
      measures.length === 0
        ? null
        : Math.round((measures.reduce((a, b) => a + b, 0) / measures.length) * 1000) / 10,
  };
}

function totals(resources: BoardResource[]) {
  return {
    resources: resources.length,
    mounted: resources.filter((r) => r.mountKind !== 'none').length,
    overdue: resources.filter((r) => r.isOverdue).length,
    refused: resources.filter((r) => r.status === 'refused').length,
    averageScore: mean(resources.flatMap((r) => (r.score === null ? [] : [r.score]))),
  };
}

/** Lower is worse: status first, then score (nothing measured before the lowest), then overdue days. */
const worstFirst = (a: BoardResource, b: BoardResource) =>
  RANK[a.status] - RANK[b.status] ||
  (a.score ?? -1) - (b.score ?? -1) ||
  b.overdueDays - a.overdueDays ||
  (a.code ?? '').localeCompare(b.code ?? '');
const departmentsWorstFirst = (a: BoardDepartment, b: BoardDepartment) =>
  b.refused + b.overdue - (a.refused + a.overdue) ||
  (a.averageScore ?? -1) - (b.averageScore ?? -1) ||
  a.departmentName.localeCompare(b.departmentName, 'zh-CN');

export async function qualityBoard(
  deps: SharingDeps,
  actor: Actor,
  query: BoardQuery,
): Promise<QualityBoard> {
  const now = deps.clock.now();
  const empty = { resources: 0, mounted: 0, overdue: 0, refused: 0, averageScore: null };
  let departmentId = query.departmentId ?? null;
  if (!seesAll(actor)) {
    if (!actor.departmentId || (departmentId !== null && departmentId !== actor.departmentId))
      return { generatedAt: now.toISOString(), totals: empty, departments: [], resources: [] };
    departmentId = actor.departmentId;
  }
  const all = (await boardRows(deps.db, departmentId)).map((row) => toBoardResource(row, now));
  const byDepartment = new Map<string, BoardResource[]>();
  for (const r of all) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  const departments = [...byDepartment.values()]
    .map((rs) => ({ departmentId: rs[0].departmentId, departmentName: rs[0].departmentName, ...totals(rs) }))
    .sort(departmentsWorstFirst);
  return {
    generatedAt: now.toISOString(),
    totals: totals(all),
    departments,
    resources: all.filter((r) => !query.status || r.status === query.status).sort(worstFirst),
  };
}
