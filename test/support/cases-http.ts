// Real-HTTP helpers for the cases reliability tests (R1 burst, R3 crash loop): a citizen registered
// with fetch, an application for an item with its required materials uploaded, one keyed submission
// and what came back.
import { pdf } from '../../src/modules/files/tests/fixtures.ts';
import { PASSWORD, validIdNumber, validPhone } from './auth.ts';

export type HttpSession = { accountId: string; headers: Record<string, string> };

/** Registers citizen number `n` (its ID number and phone derive from n) and returns its session. */
export async function registerOverHttp(base: string, n: number, realName = '张三'): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/citizen/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ realName, idNumber: validIdNumber(n), phone: validPhone(n), password: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`register ${n}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('yiwang_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  const me = (await res.json()) as { csrfToken: string; accountId: string };
  return { accountId: me.accountId, headers: { cookie, 'x-csrf-token': me.csrfToken } };
}

export type Application = {
  implementationId: string;
  form: { summary: string; premises: string };
  materials: Array<{ name: string; fileIds: string[] }>;
  contact: { name: string; phone: string; address: string; postcode: string };
  deliveryMethod: 'online';
};

/** A complete application: every required material of the item with one uploaded PDF. */
export async function applicationOverHttp(
  base: string,
  who: HttpSession,
  implementationId: string,
): Promise<Application> {
  const form = await fetch(`${base}/api/cases/forms/${implementationId}`);
  if (form.status !== 200) throw new Error(`form: ${form.status} ${await form.text()}`);
  const { materials } = (await form.json()) as { materials: Array<{ name: string; isRequired: boolean }> };
  const uploaded = [];
  for (const m of materials.filter((x) => x.isRequired)) {
    const res = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: {
        ...who.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(`${m.name}.pdf`),
      },
      body: new Uint8Array(pdf(m.name)),
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    uploaded.push({ name: m.name, fileIds: [((await res.json()) as { id: string }).id] });
  }
  return {
    implementationId,
    form: { summary: '申请开办一家小型餐饮店，经营热食类食品制售', premises: '信阳市浉河区民权路 1 号' },
    materials: uploaded,
    contact: { name: '张三', phone: '13800001234', address: '信阳市浉河区民权路 1 号', postcode: '464000' },
    deliveryMethod: 'online',
  };
}

/** The same application told apart by its summary: one body per Idempotency-Key. */
export const numbered = (body: Application, n: number, note = '第'): Application => ({
  ...body,
  form: { ...body.form, summary: `${body.form.summary}（${note} ${n} 份）` },
});

export type Filed = {
  status: number;
  caseId: string | null;
  isReplay: boolean;
  code: string | null;
  ms: number;
};

/** One POST /api/cases with an Idempotency-Key; a network error throws (the caller decides to retry). */
export async function fileOverHttp(
  base: string,
  who: HttpSession,
  key: string,
  body: Application,
): Promise<Filed> {
  const started = performance.now();
  const res = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { ...who.headers, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const json = parseJson(text);
  const filed = json?.case as { id?: unknown } | undefined;
  return {
    status: res.status,
    caseId: typeof filed?.id === 'string' ? filed.id : null,
    isReplay: res.headers.get('idempotent-replayed') === 'true',
    code: typeof json?.code === 'string' ? json.code : null,
    ms,
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The q-th quantile (0–1) of some durations. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
