// 免提交: the 食品经营许可证 from a concluded case replaces the licence material in a second
// application (食品经营许可（变更）); the department's reviewer sees the license data in the case.
// Someone else's license, a suspended one, a material that takes no license and a window filing
// with a license are refused, and a refused application leaves no case and no authorisation behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signUpCitizen } from '../../../../test/support/auth.ts';
import { applicationFor, get, post, submit } from '../../cases/tests/support.ts';
import { seedId } from '../../catalog/seed.ts';
import type { LicenseView } from '../schema.ts';
import { concludeFoodCase, type Staff, seedCity } from './support.ts';

const CHANGE = seedId('implementation:XY-SCJG-019:411500'); // 食品经营许可（变更）
const LICENCE = '食品经营许可证';

describe('a held license replaces a material in a later application', () => {
  let t: TestApp;
  let staff: Staff;
  let holder: Session;
  let other: Session;
  let license: LicenseView;
  let othersLicense: LicenseView;

  const changeApplication = async (who: Session, licenseRef: string | null) => {
    const body = await applicationFor(t, who, CHANGE);
    body.materials = body.materials.filter((m) => m.name !== LICENCE);
    if (licenseRef) body.materials.push({ name: LICENCE, fileIds: [], licenseRef } as never);
    return body;
  };

  beforeAll(async () => {
    t = await testApp();
    staff = await seedCity(t);
    holder = await signUpCitizen(t, { realName: '周明' });
    other = await signUpCitizen(t, { realName: '吴芳' });
    await concludeFoodCase(t, holder, staff);
    await concludeFoodCase(t, other, staff);
    await t.modules.runJobs();
    license = (await get(t, holder, '/api/licenses/mine')).json().items[0];
    othersLicense = (await get(t, other, '/api/licenses/mine')).json().items[0];
    expect(license?.typeName).toBe(LICENCE);
  }, 240_000);
  afterAll(() => t?.close());

  it('the wallet filters by the type a material names', async () => {
    const res = await get(t, holder, `/api/licenses/mine?type=${encodeURIComponent(LICENCE)}`);
    expect(res.json().items.map((l: LicenseView) => l.id)).toEqual([license.id]);
    expect(
      (await get(t, holder, `/api/licenses/mine?type=${encodeURIComponent('营业执照')}`)).json().items,
    ).toEqual([]);
  });

  it('refuses another person’s license and a material that takes none; nothing is written', async () => {
    const before = (await get(t, staff.clerk, '/api/cases/department')).json();
    const stolen = await submit(t, holder, await changeApplication(holder, othersLicense.id));
    expect(stolen.statusCode, stolen.body).toBe(403);
    expect(stolen.json().code).toBe('LICENSES_NOT_HOLDER');
    const refusals = await t.modules.audit.searchEntries({
      action: 'case.license-refused',
      subjectId: othersLicense.id,
      limit: 10,
    });
    expect(refusals.items).toHaveLength(1);
    const wrongMaterial = await changeApplication(holder, null);
    const first = wrongMaterial.materials[0];
    if (first) Object.assign(first, { fileIds: [], licenseRef: license.id });
    const refused = await submit(t, holder, wrongMaterial);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().errors)).toContain('不能以电子证照代替');
    const after = (await get(t, staff.clerk, '/api/cases/department')).json();
    expect(after.total ?? after.items.length).toBe(before.total ?? before.items.length);
    expect((await get(t, holder, `/api/licenses/${license.id}`)).json().uses).toEqual([]);
  });

  it('files with the license in place of the material; the reviewer sees the license data', async () => {
    const filed = await submit(t, holder, await changeApplication(holder, license.id));
    expect(filed.statusCode, filed.body).toBe(201);
    const created = filed.json().case;
    const material = created.materials.find((m: { name: string }) => m.name === LICENCE);
    expect(material).toMatchObject({ licenseRef: license.id, files: [] });

    const seen = await get(t, staff.reviewer, `/api/licenses/by-case/${created.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items).toEqual([
      expect.objectContaining({
        materialName: LICENCE,
        license: expect.objectContaining({
          identifier: license.identifier,
          holderName: '周明',
          status: 'valid',
        }),
      }),
    ]);
    // the holder's license records the authorisation (用证授权)
    const detail = (await get(t, holder, `/api/licenses/${license.id}`)).json();
    expect(detail.uses).toEqual([expect.objectContaining({ caseNo: created.caseNo, materialName: LICENCE })]);
    // nobody outside the department sees it
    expect((await get(t, holder, `/api/licenses/by-case/${created.id}`)).statusCode).toBe(403);
  });

  it('a suspended license cannot be used', async () => {
    const suspended = await post(t, staff.head, `/api/licenses/${license.id}/status`, {
      status: 'suspended',
      reason: '暂扣期间',
    });
    expect(suspended.statusCode).toBe(200);
    const res = await submit(t, holder, await changeApplication(holder, license.id));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LICENSES_NOT_USABLE' });
    expect(res.json().detail).toContain('暂扣');
  });
});
