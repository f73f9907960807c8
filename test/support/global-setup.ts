// Once per test run: migrate a template database that every test file then copies (fast isolation).
import { prepareTemplate } from './db.ts';

export async function setup(): Promise<void> {
  await prepareTemplate();
}
