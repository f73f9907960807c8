// Helpers for the licenses tests: a city with types and seals, and a food licence case taken from
// application to conclusion over HTTP, its license issued by the background work.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/support/app.ts';
import { type Session, staffSession } from '../../../../test/support/auth.ts';
import { applicationFor, FOOD, get, post, submit } from '../../cases/tests/support.ts';

export type Staff = {
  clerk: Session;
  reviewer: Session;
  head: Session;
  admin: Session;
  departmentId: string;
};

export async function seedCity(t: TestApp): Promise<Staff> {
  await t.modules.org.seedDemo();
  await t.modules.catalog.seedDemo();
  await t.modules.licenses.seedDemo();
  await t.modules.seals.seedDemo();
  const scjg = await t.modules.org.findDepartment('411500', '市场监督管理局');
  if (!scjg) throw new Error('no 市场监督管理局');
  return {
    clerk: await staffSession(t, ['window_clerk'], 'lic-clerk', scjg.id),
    reviewer: await staffSession(t, ['reviewer'], 'lic-reviewer', scjg.id),
    head: await staffSession(t, ['dept_head'], 'lic-head', scjg.id),
    admin: await staffSession(t, ['dept_admin'], 'lic-admin', scjg.id),
    departmentId: scjg.id,
  };
}

async function actOnOpenTask(t: TestApp, who: Session, caseId: string, action: string) {
  const inbox = await get(t, who, '/api/workflow/inbox?box=todo');
  expect(inbox.statusCode, inbox.body).toBe(200);
  const task = inbox.json().items.find((i: { subjectId: string }) => i.subjectId === caseId);
  expect(task, `an open task of ${caseId}`).toBeDefined();
  const res = await post(t, who, `/api/cases/${caseId}/tasks/${task.id}/act`, { action, opinion: '同意' });
  expect(res.statusCode, res.body).toBe(200);
}

/** Applies (optionally with extra materials), accepts, reviews, approves, concludes; returns the case id. */
export async function concludeFoodCase(
  t: TestApp,
  citizen: Session,
  staff: Staff,
  adjust: (body: Awaited<ReturnType<typeof applicationFor>>) => void = () => {},
): Promise<string> {
  const body = await applicationFor(t, citizen, FOOD);
  adjust(body);
  const filed = await submit(t, citizen, body);
  expect(filed.statusCode, filed.body).toBe(201);
  const caseId = filed.json().case.id as string;
  const accepted = await post(t, staff.clerk, `/api/cases/${caseId}/accept`, { note: '材料齐全，予以受理' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  await actOnOpenTask(t, staff.reviewer, caseId, 'pass');
  await actOnOpenTask(t, staff.head, caseId, 'approve');
  const concluded = await post(t, staff.clerk, `/api/cases/${caseId}/conclude`, { note: '电子送达' });
  expect(concluded.statusCode, concluded.body).toBe(200);
  return caseId;
}

export const scratch = () => mkdtempSync(join(tmpdir(), 'yiwang-license-'));

/** poppler's verdict on a PDF's signature ("Signature is Valid." …); never throws. */
export function pdfsig(bytes: Uint8Array): string {
  const file = join(scratch(), 'license.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

/** openssl's SM2 verdict ("Verified OK") on data signed by a seal, with the seal's public key PEM. */
export function opensslSm2(publicKeyPem: string, data: string, signatureHex: string): string {
  const dir = scratch();
  writeFileSync(join(dir, 'pub.pem'), publicKeyPem);
  writeFileSync(join(dir, 'data'), data);
  writeFileSync(join(dir, 'sig.der'), Buffer.from(signatureHex, 'hex'));
  try {
    return execFileSync(
      'openssl',
      [
        'dgst',
        '-sm3',
        '-verify',
        join(dir, 'pub.pem'),
        '-sigopt',
        'distid:1234567812345678',
        '-signature',
        join(dir, 'sig.der'),
        join(dir, 'data'),
      ],
      { encoding: 'utf8' },
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}
