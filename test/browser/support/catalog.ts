// The seeded catalog for the catalog journeys: org and catalog seeded through their modules, and the
// public API read over HTTP the way the pages read it.

import type { GuideView, ItemSummary } from '../../../src/modules/catalog/schema.ts';
import { systemContext } from '../../../src/platform/context.ts';
import type { Platform } from './platform.ts';

export async function seedCatalog(p: Platform) {
  await p.modules.org.seedDemo(systemContext('seed'));
  await p.modules.catalog.seedDemo(systemContext('seed'));
}

export async function getJson<T>(p: Platform, path: string): Promise<T> {
  const res = await fetch(`${p.baseURL}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The city implementation of a seeded item, by its exact name. */
export async function cityItem(p: Platform, name: string): Promise<ItemSummary> {
  for (let page = 1; page <= 2; page++) {
    const list = await getJson<{ items: ItemSummary[] }>(p, `/api/catalog/items?pageSize=100&page=${page}`);
    const found = list.items.find((i) => i.name === name);
    if (found) return found;
  }
  throw new Error(`no seeded item ${name}`);
}

export const guideOf = (p: Platform, implementationId: string) =>
  getJson<GuideView>(p, `/api/catalog/implementations/${implementationId}`);

export async function departmentId(p: Platform, name: string): Promise<string> {
  const found = (await p.modules.org.listDepartments('411500')).find((d) => d.name === name);
  if (!found) throw new Error(`no department ${name}`);
  return found.id;
}
