// The read behind 数据质量看板: every published resource with its latest load (measures taken from the
// stored report, never recomputed from rows) and its latest accepted load. Nothing here writes.
import { type Executor, sql } from '../../../platform/db/index.ts';

export type BoardRow = {
  id: string;
  code: string | null;
  department_id: string;
  department_name: string;
  mount_kind: 'none' | 'file' | 'api';
  name: string;
  update_cycle: string;
  published_at: Date | null;
  load_id: string | null;
  load_status: 'accepted' | 'refused' | null;
  load_at: Date | null;
  row_count: number | null;
  rejected_count: number | null;
  problem_count: number | null;
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
  timeliness: number | null;
  is_on_schedule: boolean | null;
  accepted_at: Date | null;
  /** A base database's last successful refresh (it writes a load only when something changed). */
  refreshed_at: Date | null;
};

export const boardRows = async (db: Executor, departmentId: string | null) =>
  (
    await sql<BoardRow>`select r.id, r.code, r.department_id, r.department_name, r.mount_kind, v.name,
      v.update_cycle, v.published_at, l.id as load_id, l.status as load_status, l.created_at as load_at,
      l.row_count, l.rejected_count,
      (l.report ->> 'problemCount')::int + jsonb_array_length(coalesce(l.report -> 'fileProblems', '[]'))
        as problem_count,
      (l.report ->> 'completeness')::float8 as completeness, (l.report ->> 'validity')::float8 as validity,
      (l.report ->> 'uniqueness')::float8 as uniqueness, (l.report ->> 'timeliness')::float8 as timeliness,
      (l.report ->> 'isOnSchedule')::boolean as is_on_schedule, a.created_at as accepted_at,
      b.refreshed_at
      from sharing.resource r
      join sharing.resource_version v on v.id = r.published_version_id
      left join lateral (select id, status, created_at, row_count, rejected_count, report
        from sharing.data_load where resource_id = r.id order by created_at desc, id desc limit 1) l on true
      left join lateral (select created_at from sharing.data_load
        where resource_id = r.id and status = 'accepted' order by created_at desc limit 1) a on true
      left join sharing.base_resource b on b.resource_id = r.id
      where (${departmentId}::uuid is null or r.department_id = ${departmentId})
      order by r.department_name, r.code`.execute(db)
  ).rows;
