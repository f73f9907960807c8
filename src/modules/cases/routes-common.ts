// What both sides' filing routes share: the Idempotency-Key header and the reply to a filing
// (201 for a new case, 200 + Idempotent-Replayed for a repeat).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FiledCase } from './use-cases/file.ts';

export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

export function sendFiled(reply: FastifyReply, result: FiledCase) {
  if (result.isReplay) reply.header('Idempotent-Replayed', 'true');
  return reply.status(result.isReplay ? 200 : 201).send(result);
}
