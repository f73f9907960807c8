// RELIABILITY I1, the property part: 1,000+ generated bodies each for citizen registration and for
// login, shaped after their zod schemas (RegisterBody, LoginBody) and bent: right and wrong types,
// missing and extra keys, hostile strings. Every answer is a clean one (answers.ts), and no answer ever
// repeats a submitted password, ID number or phone.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../support/app.ts';
import { validIdNumber, validPhone } from '../support/auth.ts';
import { answerProblem, prototypeKeys } from './answers.ts';

const RUNS = 1_000;

const hostile = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  "' OR 1=1 --",
  '<script>window.__x=1</script>',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style payload, meant literally
  '${jndi:ldap://x}',
  '𠀀𠀁',
  '\uFEFF张三',
  'ＡＢＣ１２３',
  '\uD800',
  'x'.repeat(5000),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.integer(), fc.double());
/** Mostly the right type, sometimes hostile text, sometimes any JSON at all. */
const field = (base: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: base, weight: 6 },
    { arbitrary: hostile, weight: 2 },
    { arbitrary: anyJson, weight: 1 },
  );

const password = fc.oneof(
  fc.string({ minLength: 0, maxLength: 80 }),
  fc.constantFrom('Xinyang#2026', 'password', '12345678', 'Aa1!Aa1!Aa1!'),
);
const idNumber = fc.oneof(
  fc.stringMatching(/^\d{17}[\dXx]$/),
  fc.string({ minLength: 14, maxLength: 25 }),
  fc.nat({ max: 9_999 }).map((n) => validIdNumber(n + 100_000)),
);
const phone = fc.oneof(
  fc.stringMatching(/^1[3-9]\d{9}$/),
  fc.string({ minLength: 10, maxLength: 21 }),
  fc.nat({ max: 9_999 }).map((n) => validPhone(n + 100_000)),
);
const extraKeys = fc.dictionary(
  fc.constantFrom('role', 'isAdmin', '__proto__', 'constructor', 'kind', 'x'),
  anyJson,
  {
    maxKeys: 2,
  },
);

const registerBody = fc
  .tuple(
    fc.record(
      {
        realName: field(fc.string({ minLength: 0, maxLength: 40 })),
        idNumber: field(idNumber),
        phone: field(phone),
        password: field(password),
      },
      { requiredKeys: [] },
    ),
    fc.option(extraKeys, { freq: 5 }),
  )
  .map(([body, extra]) => ({ ...body, ...(extra ?? {}) }));

const loginBody = fc
  .tuple(
    fc.record(
      {
        kind: field(fc.constantFrom('citizen', 'staff', 'admin', 'CITIZEN')),
        username: field(fc.oneof(idNumber, phone, fc.string({ maxLength: 70 }))),
        password: field(password),
      },
      { requiredKeys: [] },
    ),
    fc.option(extraKeys, { freq: 5 }),
  )
  .map(([body, extra]) => ({ ...body, ...(extra ?? {}) }));

/** Submitted secrets long and distinctive enough that finding them in a body means it was echoed. */
function secretsOf(body: Record<string, unknown>): string[] {
  return ['password', 'idNumber', 'phone', 'username']
    .map((k) => body[k])
    .filter((v): v is string => typeof v === 'string' && v.length >= 11 && !/^[\s0-9a-f-]*$/i.test(v));
}

describe('conformance: generated bodies for register and login (I1)', () => {
  let t: TestApp;
  const before = prototypeKeys();
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const check = async (url: string, body: Record<string, unknown> | string) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const problem = answerProblem(res);
    if (problem) throw new Error(`${url} ${JSON.stringify(body).slice(0, 200)}: ${problem}`);
    if (typeof body !== 'string') {
      for (const secret of secretsOf(body)) {
        // a secret that is also the name of a submitted field may be named as that field (e.g. the
        // username "constructor" beside an unknown key "constructor": fast-check seed 1629157604)
        if (Object.hasOwn(body, secret)) continue;
        const isEcho = res.body.includes(JSON.stringify(secret).slice(1, -1));
        if (isEcho && !(url.endsWith('/register') && secret === body.realName)) {
          throw new Error(`${url} echoed a submitted secret: ${res.body.slice(0, 200)}`);
        }
      }
    }
  };

  it(`register: ${RUNS} generated bodies, every answer clean`, { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(registerBody, (body) => check('/api/auth/citizen/register', body)),
      { numRuns: RUNS },
    );
    expect(prototypeKeys()).toEqual(before);
  });

  it(`login: ${RUNS} generated bodies, every answer clean`, { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(loginBody, (body) => check('/api/auth/login', body)),
      { numRuns: RUNS },
    );
    expect(prototypeKeys()).toEqual(before);
  });

  it(`register and login: ${RUNS} raw JSON-ish payloads, every answer clean`, {
    timeout: 120_000,
  }, async () => {
    const raw = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(raw, fc.boolean(), (payload, isLogin) =>
        check(isLogin ? '/api/auth/login' : '/api/auth/citizen/register', payload),
      ),
      { numRuns: RUNS },
    );
    expect(prototypeKeys()).toEqual(before);
  });
});
