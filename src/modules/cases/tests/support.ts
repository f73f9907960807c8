// Helpers for the cases tests: a seeded city, the food-licence item, uploads, submissions.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/support/app.ts';
import type { Session } from '../../../../test/support/auth.ts';
import { seedId } from '../../catalog/seed.ts';
import { pdf } from '../../files/tests/fixtures.ts';

export const FOOD = seedId('implementation:XY-SCJG-009:411500'); // 食品经营许可（新办）, 市场监督管理局

export async function upload(t: TestApp, who: Session, name = '申请书.pdf'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: {
      ...who.headers,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    payload: pdf(name),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A complete application for an implementation: every required material with one uploaded file. */
export async function applicationFor(t: TestApp, who: Session, implementationId = FOOD) {
  const form = await t.app.inject({ method: 'GET', url: `/api/cases/forms/${implementationId}` });
  expect(form.statusCode, form.body).toBe(200);
  const required = (form.json().materials as Array<{ name: string; isRequired: boolean }>).filter(
    (m) => m.isRequired,
  );
  const materials = [];
  for (const m of required)
    materials.push({ name: m.name, fileIds: [await upload(t, who, `${m.name}.pdf`)] });
  return {
    implementationId,
    form: { summary: '申请开办一家小型餐饮店，经营热食类食品制售', premises: '信阳市浉河区民权路 1 号' },
    materials,
    contact: { name: '张三', phone: '13800001234', address: '信阳市浉河区民权路 1 号', postcode: '464000' },
    deliveryMethod: 'online',
  };
}

export async function submit(t: TestApp, who: Session, body: object, key: string | null = randomUUID()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });
}

export const post = (t: TestApp, who: Session, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload });
export const get = (t: TestApp, who: Session | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });

/** Moves the test clock to 10:00 Beijing time on a date. */
export const setDay = (t: TestApp, day: string) => t.clock.set(`${day}T02:00:00Z`);
