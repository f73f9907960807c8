// What every service verb is told about the request it serves: who, from where, under which id.
import type { Actor } from './http/access.ts';

export type RequestContext = {
  actor: Actor | null;
  requestId: string;
  ip: string;
};

/** The context of work the platform does by itself (start-up seeding, jobs, the CLI). */
export function systemContext(requestId = 'system'): RequestContext {
  return { actor: null, requestId, ip: '127.0.0.1' };
}
