// The outbox: an event is written in the same transaction as the change it announces, then delivered
// by a dispatcher that claims undelivered rows with FOR UPDATE SKIP LOCKED (safe on many nodes).

import { type Db, type Executor, sql, type Tx } from './db/index.ts';
import { newId } from './ids.ts';

export type OutboxEvent = { id: string; type: string; payload: Record<string, unknown> };

export async function emit(tx: Executor, type: string, payload: Record<string, unknown>): Promise<string> {
  const id = newId();
  await sql`insert into platform.outbox (id, type, payload) values (${id}, ${type}, ${JSON.stringify(payload)}::jsonb)`.execute(
    tx,
  );
  return id;
}

export type EventHandler = (event: OutboxEvent, tx: Tx) => Promise<void>;

/**
 * Delivers pending events one transaction each: the handlers' writes and the delivered mark commit
 * together. A handler that throws rolls back its own work; the event stays pending with attempts + 1.
 */
export async function dispatchPending(
  db: Db,
  handlers: Record<string, EventHandler[]>,
  limit = 100,
): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db
      .transaction()
      .execute(async (tx) => {
        const { rows } = await sql<OutboxEvent>`
          select id, type, payload from platform.outbox where delivered_at is null and attempts < 10
          order by id limit 1 for update skip locked`.execute(tx);
        const event = rows[0];
        if (!event) return 'empty' as const;
        try {
          for (const handle of handlers[event.type] ?? []) await handle(event, tx);
        } catch (error) {
          throw Object.assign(new Error('event handler failed'), { eventId: event.id, cause: error });
        }
        await sql`update platform.outbox set delivered_at = now() where id = ${event.id}`.execute(tx);
        return 'delivered' as const;
      })
      .catch(async (error: { eventId?: string }) => {
        if (!error.eventId) throw error;
        await sql`update platform.outbox set attempts = attempts + 1 where id = ${error.eventId}`.execute(db);
        return 'failed' as const;
      });
    if (outcome === 'empty') break;
    if (outcome === 'delivered') delivered++;
  }
  return delivered;
}
