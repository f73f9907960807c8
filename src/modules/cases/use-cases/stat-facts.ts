// What statistics (analytics) read about cases: for each case its dimensions (department, item,
// division, channel), its state and the days things happened, its promised due day and whether the
// clock is paused; and every case id page by page for a rebuild. No access check: modules call it.
// Its two reads sit here rather than in store.ts: one batched query each, for analytics only.
import { shanghaiDate } from '../../../platform/clock.ts';
import { type Executor, sql } from '../../../platform/db/index.ts';
import type { CasesDeps } from '../deps.ts';
import type { CaseRow } from '../store.ts';

type StatRow = Pick<
  CaseRow,
  | 'id'
  | 'updated_at'
  | 'department_id'
  | 'implementation_id'
  | 'item_name'
  | 'division_code'
  | 'channel'
  | 'state'
  | 'decision'
  | 'received_on'
  | 'accepted_on'
  | 'concluded_at'
  | 'promised_due_on'
> & { is_paused: boolean };

const statRows = async (db: Executor, ids: string[]) =>
  ids.length === 0
    ? []
    : (
        await sql<StatRow>`select c.id, c.updated_at, c.department_id, c.implementation_id, c.item_name,
          c.division_code, c.channel, c.state, c.decision, c.received_on::text as received_on,
          c.accepted_on::text as accepted_on, c.concluded_at, c.promised_due_on::text as promised_due_on,
          exists (select 1 from cases.clock_stop s where s.case_id = c.id and s.kind <> 'extension'
            and s.ended_on is null) as is_paused
          from cases."case" c where c.id = any(${ids}::uuid[])`.execute(db)
      ).rows;

export type StatFacts = {
  id: string;
  /** the case's last change: an older read never overwrites a newer one */
  version: Date;
  departmentId: string;
  implementationId: string;
  itemName: string;
  divisionCode: string;
  channel: 'online' | 'window';
  state: string;
  decision: 'approved' | 'denied' | null;
  receivedOn: string;
  acceptedOn: string | null;
  /** the day (Beijing) the case was concluded, refused, returned or withdrawn */
  closedOn: string | null;
  promisedDueOn: string | null;
  isPaused: boolean;
};

export async function statFacts(deps: CasesDeps, caseIds: string[]): Promise<StatFacts[]> {
  return (await statRows(deps.db, caseIds)).map((c) => ({
    id: c.id,
    version: c.updated_at,
    departmentId: c.department_id,
    implementationId: c.implementation_id,
    itemName: c.item_name,
    divisionCode: c.division_code,
    channel: c.channel,
    state: c.state,
    decision: c.decision,
    receivedOn: c.received_on,
    acceptedOn: c.accepted_on,
    closedOn: c.concluded_at ? shanghaiDate(c.concluded_at) : null,
    promisedDueOn: c.promised_due_on,
    isPaused: c.is_paused,
  }));
}

/** One page of every case id (id order) after `afterId`. */
export const caseIdsAfter = async (deps: CasesDeps, afterId: string | null, limit: number) =>
  (
    await sql<{
      id: string;
    }>`select id from cases."case" where (${afterId}::uuid is null or id > ${afterId}::uuid)
      order by id limit ${limit}`.execute(deps.db)
  ).rows.map((r) => r.id);
