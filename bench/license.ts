// `npm run bench -- license`: licenses issued per second (render the PDF + sign it with the seal's
// certificate + SM2 over the data + store file and row, one transaction each) against the raw signing
// alone (one RSA-2048 signature + one SM2 signature per license, in-process), and verifications per
// second (GET /api/licenses/verify, POST /api/licenses/verify/pdf at 50 connections) against the raw
// SM2 verification alone. PGlite always; PostgreSQL as well when DATABASE_URL is set.
// The cases and catalog ports are given synthetic concluded cases: what is measured is issuing, not filing.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { createLicenses } from '../src/modules/licenses/index.ts';
import { idNumberCheckChar } from '../src/platform/standards/id-number.ts';
import { measure, printTable, startPlatform } from './lib.ts';

const LICENSES = Number(process.env.BENCH_LICENSES ?? 100);

function rawSigningPerSecond(n: number, data: string): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pair = sm2.generateKeyPairHex();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    createSign('sha256').update(`${data}${i}`).sign(privateKey);
    sm2.doSignature(`${data}${i}`, pair.privateKey, { hash: true, der: true });
  }
  return n / ((performance.now() - started) / 1000);
}

function rawSm2VerifyPerSecond(n: number, data: string): number {
  const pair = sm2.generateKeyPairHex();
  const signature = sm2.doSignature(data, pair.privateKey, { hash: true, der: true });
  const started = performance.now();
  for (let i = 0; i < n; i++)
    sm2.doVerifySignature(data, signature, pair.publicKey, { hash: true, der: true });
  return n / ((performance.now() - started) / 1000);
}

const idNumber = (i: number) => {
  const body = `41150219900101${String(i % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
};

async function runOn(kind: string, databaseUrl?: string): Promise<void> {
  const p = await startPlatform(databaseUrl);
  try {
    const m = p.modules;
    await m.org.seedDemo();
    await m.licenses.seedDemo();
    await m.seals.seedDemo();
    const scjg = await m.org.findDepartment('411500', '市场监督管理局');
    if (!scjg) throw new Error('no 市场监督管理局');
    const licenses = createLicenses({
      ...m.deps,
      audit: m.audit,
      org: m.org,
      seals: m.seals,
      files: {
        storeBytes: (ctx, input, tx) => m.files.storeBytes(ctx, input, tx),
        readBytes: async (id) => new Uint8Array(await (await m.files.read(id)).bytes()),
      },
      notify: { send: async (tx, message) => void (await m.notify.send(tx, message)) },
      catalog: {
        getPublicVersion: async () =>
          ({ version: { content: { resultLicense: '食品经营许可证' } } }) as never,
      },
      cases: {
        facts: async (caseId: string) => ({
          id: caseId,
          caseNo: `411500-BENCH-${caseId.slice(0, 8)}`,
          state: 'concluded',
          decision: 'approved' as const,
          versionId: randomUUID(),
          implementationId: randomUUID(),
          itemName: '食品经营许可（新办）',
          departmentId: scjg.id,
          departmentName: scjg.name,
          divisionCode: '411500',
          applicant: {
            kind: 'citizen' as const,
            accountId: randomUUID(),
            enterpriseId: null,
            name: '压测用户',
            idType: '身份证',
            idNumber: idNumber(Number.parseInt(caseId.slice(0, 6), 16)),
          },
          contactAddress: '信阳市浉河区民权路 1 号',
          answers: { '经营（住所）地址': '信阳市浉河区民权路 1 号' },
          concludedAt: new Date(),
        }),
      },
    });
    // warm up (CA, fonts, JIT), then queue and issue
    const queue = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const caseId = randomUUID();
        await m.deps.db.transaction().execute(async (tx) => {
          for (const handle of licenses.handlers['case.conclude'])
            await handle({ id: randomUUID(), type: 'case.conclude', payload: { caseId } }, tx);
        });
      }
    };
    await queue(3);
    await licenses.issuePending(3);
    await queue(LICENSES);
    const started = performance.now();
    let issued = 0;
    while (issued < LICENSES) {
      const n = await licenses.issuePending(LICENSES);
      if (n === 0) break;
      issued += n;
    }
    const issuedPerSecond = issued / ((performance.now() - started) / 1000);
    const rawSign = rawSigningPerSecond(LICENSES, 'x'.repeat(1200));
    console.log(`\nlicense issuing on ${kind} — ${issued} licenses`);
    console.log('| operation | per second | ratio to raw signing |');
    console.log('|---|---:|---:|');
    console.log(`| raw: RSA-2048 + SM2 signature | ${rawSign.toFixed(0)} | 1.00 |`);
    console.log(
      `| issue (render + sign + store) | ${issuedPerSecond.toFixed(1)} | ${(issuedPerSecond / rawSign).toFixed(3)} |`,
    );

    // verification over HTTP, against raw SM2 verification
    const { items } = await licenses.departmentLicenses({ kind: 'staff', departmentId: scjg.id } as never, {
      page: 1,
    });
    const one = items[0];
    if (!one) throw new Error('nothing issued');
    const pdf = (await licenses.pdf({ kind: 'staff', departmentId: scjg.id } as never, one.id)).bytes;
    const rawVerify = rawSm2VerifyPerSecond(500, 'x'.repeat(1200));
    const byId = await measure('GET /api/licenses/verify (identifier)', {
      url: `${p.url}/api/licenses/verify?identifier=${encodeURIComponent(one.identifier)}`,
    });
    const byPdf = await measure('POST /api/licenses/verify/pdf', {
      url: `${p.url}/api/licenses/verify/pdf`,
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.from(pdf),
    });
    const floor = {
      label: 'raw: SM2 verification alone (in-process)',
      rps: rawVerify,
      p50: 0,
      p99: 0,
      errors: 0,
      non2xx: 0,
    };
    printTable(`license verification on ${kind}`, [byId, byPdf], floor);
  } finally {
    await p.stop();
  }
}

export async function benchLicense(): Promise<void> {
  await runOn('PGlite');
  if (process.env.DATABASE_URL) await runOn('PostgreSQL', process.env.DATABASE_URL);
}
