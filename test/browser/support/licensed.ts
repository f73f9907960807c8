// Shared setup of the license journeys: the in-process platform as the modules' HTTP test helpers expect
// it, and a citizen whose 食品经营许可 case was concluded over HTTP and whose license has been issued.
import type { LicenseView } from '../../../src/modules/licenses/schema.ts';
import { concludeFoodCase, seedCity } from '../../../src/modules/licenses/tests/support.ts';
import type { TestApp } from '../../support/app.ts';
import { type Session, signUpCitizen } from '../../support/auth.ts';
import type { Platform } from './platform.ts';

/** The in-process app as the modules' HTTP test helpers expect it (inject, modules, a real-time clock). */
export const asTestApp = (platform: Platform) =>
  ({ app: platform.app, modules: platform.modules, clock: { now: () => new Date() } }) as unknown as TestApp;

/** Seeds the city's staff, concludes a food case for a new citizen and waits for the issued license. */
export async function licensedCitizen(p: Platform, realName: string) {
  const t = asTestApp(p);
  const staff = await seedCity(t);
  const citizen: Session & { input: { phone: string } } = await signUpCitizen(t, { realName });
  await concludeFoodCase(t, citizen, staff);
  let license: LicenseView | undefined;
  for (let i = 0; i < 20 && !license; i++) {
    await p.modules.runJobs();
    const wallet = await p.app.inject({ method: 'GET', url: '/api/licenses/mine', headers: citizen.headers });
    license = (wallet.json() as { items: LicenseView[] }).items[0];
    if (!license) await new Promise((r) => setTimeout(r, 250));
  }
  if (!license) throw new Error('no license issued');
  return { staff, citizen, license };
}
