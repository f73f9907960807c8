// The two doors a case comes in by: the applicant's online submission and the window clerk's intake
// (一窗受理) for a walk-in applicant. An instant item (即办件) filed at the window concludes there.
import type { RequestContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/access.ts';
import { isValidIdNumber, normalizeIdNumber } from '../../../platform/standards/id-number.ts';
import { isValidUscc } from '../../../platform/standards/uscc.ts';
import type { CasesDeps } from '../deps.ts';
import { caseErrors } from '../errors.ts';
import type { CaseView, SubmitInput, WindowSubmitInput } from '../schema.ts';
import * as store from '../store.ts';
import { toCaseView } from '../views.ts';
import { actorIn } from './common.ts';
import { acceptInTx } from './intake.ts';
import {
  type Applicant,
  insertCase,
  prepare,
  priorSubmission,
  requestHash,
  type WrittenCase,
} from './submit.ts';

export type FiledCase = { case: CaseView; isReplay: boolean };

async function replay(deps: CasesDeps, actor: Actor, caseId: string): Promise<FiledCase> {
  const found = await store.findCase(deps.db, caseId);
  if (!found) throw caseErrors.notFound();
  return { case: await toCaseView(deps, found, actor), isReplay: true };
}

/**
 * Runs one idempotent filing: a quick look for an earlier submission, the checks, then the transaction
 * that takes the key's advisory lock (another holder → 409), looks again, and writes. `write` may store
 * the key itself through `keyed` as soon as the case row exists, so that the audit entry (which locks
 * the chain's head until commit) stays the transaction's last statement; otherwise it is stored after.
 */
export async function fileOnce<P>(
  deps: CasesDeps,
  ctx: RequestContext,
  key: string,
  body: unknown,
  prepareAll: () => Promise<P>,
  write: (tx: Tx, prepared: P, keyed: (caseId: string) => Promise<void>) => Promise<string | WrittenCase>,
): Promise<FiledCase> {
  const actor = actorIn(ctx);
  const hash = requestHash(body);
  const earlier = await priorSubmission(deps, null, actor.accountId, key, hash);
  if (earlier) return replay(deps, actor, earlier);
  const prepared = await prepareAll();
  const outcome = await deps.db.transaction().execute(async (tx) => {
    if (!(await store.tryLockKey(tx, actor.accountId, key))) throw caseErrors.inFlight();
    const raced = await priorSubmission(deps, tx, actor.accountId, key, hash);
    if (raced) return { caseId: raced, isReplay: true };
    let keyedTo: string | null = null;
    const keyed = async (caseId: string) => {
      keyedTo = caseId;
      await store.insertSubmission(tx, {
        account_id: actor.accountId,
        idem_key: key,
        request_hash: hash,
        case_id: caseId,
        created_at: deps.clock.now(),
      });
    };
    const written = await write(tx, prepared, keyed);
    const caseId = typeof written === 'string' ? written : written.row.id;
    if (keyedTo === null) await keyed(caseId);
    else if (keyedTo !== caseId) throw new Error('idempotency key stored for another case');
    return { caseId, isReplay: false, written: typeof written === 'string' ? null : written };
  });
  if (outcome.isReplay) return replay(deps, actor, outcome.caseId);
  if (outcome.written) {
    // the answer is built from the rows just written: nothing else has touched a case this new
    const { row, materials, events } = outcome.written;
    const known = { materials, events, stops: [], supplement: undefined, children: [] };
    return { case: await toCaseView(deps, row, actor, known), isReplay: false };
  }
  const created = await store.findCase(deps.db, outcome.caseId);
  if (!created) throw caseErrors.notFound();
  return { case: await toCaseView(deps, created, actor), isReplay: false };
}

export function submitOnline(
  deps: CasesDeps,
  ctx: RequestContext,
  key: string,
  input: SubmitInput,
): Promise<FiledCase> {
  const actor = actorIn(ctx);
  const filed = fileOnce(
    deps,
    ctx,
    key,
    input,
    async () => {
      const prepared = await prepare(deps, input);
      const applicant = await onlineApplicant(deps, actor, prepared.guide.basicCode);
      return { prepared, applicant };
    },
    async (tx, { prepared, applicant }, keyed) => {
      if (input.draftId) {
        const draft = await store.findDraft(tx, input.draftId);
        if (draft?.account_id === actor.accountId) await store.deleteDraft(tx, draft.id);
      }
      return insertCase(deps, tx, ctx, {
        basis: prepared.basis,
        applicant,
        input,
        channel: 'online',
        filedBy: actor,
        beforeRecord: (_, written) => keyed(written.id),
      });
    },
  );
  return filed.catch(async (error: unknown) => {
    await auditLicenseRefusal(deps, ctx, input, error);
    throw error;
  });
}

/** A license refused in place of a material (someone else's, suspended …): the filing rolled back, the refusal is kept. */
async function auditLicenseRefusal(deps: CasesDeps, ctx: RequestContext, input: SubmitInput, error: unknown) {
  if (!isAppError(error) || !error.code.startsWith('LICENSES_')) return;
  const licenseRefs = input.materials.flatMap((m) => (m.licenseRef ? [m.licenseRef] : []));
  await deps.db.transaction().execute((tx) =>
    deps.audit.record(tx, ctx, {
      action: 'case.license-refused',
      subjectType: 'license',
      subjectId: licenseRefs[0],
      summary: {
        code: error.code,
        detail: error.detail,
        implementationId: input.implementationId,
        licenseRefs,
      },
    }),
  );
}

/** The signed-in citizen, or the enterprise they act for with a mandate covering the item. */
export async function onlineApplicant(deps: CasesDeps, actor: Actor, basicCode: string): Promise<Applicant> {
  const p = await deps.identity.applicantOf(actor, basicCode);
  return {
    kind: p.kind,
    accountId: p.accountId,
    enterpriseId: p.enterpriseId,
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber,
  };
}

/** The walk-in applicant as the clerk typed them: the ID is checked, a registered citizen is linked. */
async function windowApplicant(deps: CasesDeps, input: WindowSubmitInput): Promise<Applicant> {
  const { kind, name } = input.applicant;
  if (kind === 'enterprise') {
    const uscc = input.applicant.idNumber.toUpperCase();
    if (!isValidUscc(uscc)) throw caseErrors.applicantInvalid('统一社会信用代码校验不通过');
    return { kind, accountId: null, enterpriseId: null, name, idType: '001', idNumber: uscc };
  }
  const idNumber = normalizeIdNumber(input.applicant.idNumber);
  if (!isValidIdNumber(idNumber, deps.clock.now()))
    throw caseErrors.applicantInvalid('公民身份号码校验不通过');
  const account = await deps.identity.lookupCitizen(idNumber).catch(() => null);
  const accountId = account && account.realName === name ? account.id : null;
  return { kind, accountId, enterpriseId: null, name, idType: '111', idNumber };
}

export function fileAtWindow(
  deps: CasesDeps,
  ctx: RequestContext,
  key: string,
  input: WindowSubmitInput,
): Promise<FiledCase> {
  const actor = actorIn(ctx);
  return fileOnce(
    deps,
    ctx,
    key,
    input,
    async () => ({ prepared: await prepare(deps, input), applicant: await windowApplicant(deps, input) }),
    async (tx, { prepared, applicant }) => {
      const { row } = await insertCase(deps, tx, ctx, {
        basis: prepared.basis,
        applicant,
        input,
        channel: 'window',
        filedBy: actor,
      });
      // an instant item is accepted, decided and concluded on the spot
      if (row.is_instant) await acceptInTx(deps, tx, ctx, row.id, '即办件当场办结');
      return row.id;
    },
  );
}
