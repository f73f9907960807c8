// The gateway's call log, written by group commit.
import { sql } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { SharingDeps } from '../deps.ts';

/** What a call learned about itself, for its log row. */
export type Log = {
  clientId: string | null;
  consumer: string | null;
  provider: string | null;
  grantId: string | null;
  resourceId: string | null;
  code: string | null;
  purpose: string | null;
  fields: string[];
  rows: number;
};

/** One writer per gateway: the function returned resolves once the call's row is committed. */
export function createCallLog(deps: SharingDeps) {
  // Group commit: calls arriving while a batch is written wait for the next one; each call answers only
  // after its own log row is committed, so no answered call goes unlogged. (The quota is not counted
  // here: it is reserved by the call itself before it answers.)
  let pending: Array<{ row: object; done: (error?: unknown) => void }> = [];
  let isFlushing = false;
  async function flush() {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await sql`insert into sharing.call_log (id, at, client_id, consumer_department_id,
            provider_department_id, grant_id, resource_id, resource_code, purpose, fields, row_count, status,
            error_code, latency_ms)
          select * from jsonb_to_recordset(${JSON.stringify(batch.map((b) => b.row))}::jsonb)
            as x(id uuid, at timestamptz, client_id text, consumer uuid, provider uuid, grant_id uuid,
              resource_id uuid, code text, purpose text, fields text[], row_count int, status int,
              error_code text, latency real)`.execute(deps.db);
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    isFlushing = false;
  }
  function writeLog(log: Log, status: number, errorCode: string | null, started: number) {
    const row = {
      id: newId(),
      at: deps.clock.now().toISOString(),
      client_id: log.clientId,
      consumer: log.consumer,
      provider: log.provider,
      grant_id: log.grantId,
      resource_id: log.resourceId,
      code: log.code,
      purpose: log.purpose,
      fields: log.fields,
      row_count: log.rows,
      status,
      error_code: errorCode,
      latency: performance.now() - started,
    };
    return new Promise<void>((resolve, reject) => {
      pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
      if (!isFlushing) {
        isFlushing = true;
        // after the calls already under way have queued their rows, so that one commit takes them all
        setImmediate(flush);
      }
    });
  }
  return writeLog;
}
