// The window's PDF notices through the API, checked with outside tools: a citizen applies for 食品经营许可
// on 2026-03-30, the clerk asks once for two materials, the citizen supplies them, the clerk accepts on
// 2026-04-02; a second application is refused. Each notice is downloaded by the applicant and the clerk,
// then read by poppler (pdftotext, pdffonts, pdftoppm) and its QR code by zbarimg. Outsiders get 404, a
// notice the case does not have 409, a server without a CJK font 503 naming the package to install.
// Keep the rendered pages with NOTICES_PNG_DIR=<dir>.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Session, signInAgain, signUpCitizen, staffSession } from '../../../../test/support/auth.ts';
import { maskIdNumber } from '../../../platform/crypto.ts';
import type { CaseView } from '../schema.ts';
import { applicationFor, get, setDay as moveClock, post, submit, upload } from './support.ts';

const has = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)));
const hasPoppler = has('pdftotext') && has('pdffonts') && has('pdftoppm');
const PUBLIC_URL = 'https://yiwang.example.cn';
const ITEMS = [
  { name: '营业执照', reason: '复印件不清晰，请上传清晰的扫描件' },
  { name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件', reason: '缺少经营场所平面布局图' },
];

describe('PDF notices of the window (受理、补正、不予受理通知书)', () => {
  let t: TestApp;
  let citizen: Session;
  let clerk: Session;
  let phone = '';
  let idNumber = '';
  let accepted: CaseView;
  let refused: CaseView;
  const dir = process.env.NOTICES_PNG_DIR ?? mkdtempSync(join(tmpdir(), 'yiwang-notices-'));
  const url = (c: CaseView, kind: string) => `/api/cases/${c.id}/notices/${kind}`;
  const setDay = async (day: string) => {
    moveClock(t, day);
    citizen = await signInAgain(t, { kind: 'citizen', phone });
    clerk = await signInAgain(t, { kind: 'staff', username: 'nclerk', secret: null });
  };

  /** Downloads a notice, checks the headers, saves it; the text pdftotext reads, without whitespace. */
  const download = async (who: Session, c: CaseView, kind: string) => {
    const res = await get(t, who, url(c, kind));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, `${kind}.pdf`);
    writeFileSync(file, res.rawPayload);
    return { res, file };
  };
  /** the text in drawing order (-raw), so the lines of one table cell stay together */
  const textOf = (file: string) =>
    execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    t = await testApp({ config: { publicUrl: PUBLIC_URL } });
    await t.modules.org.seedDemo();
    await t.modules.catalog.seedDemo();
    const dept = (await t.modules.org.findDepartment('411500', '市场监督管理局'))?.id ?? null;
    const signedUp = await signUpCitizen(t, { realName: '王小明' });
    [phone, idNumber] = [signedUp.input.phone, signedUp.input.idNumber];
    await staffSession(t, ['window_clerk'], 'nclerk', dept);
    await setDay('2026-03-30');
    const filed = await submit(t, citizen, await applicationFor(t, citizen));
    expect(filed.statusCode, filed.body).toBe(201);
    accepted = filed.json().case;
    const asked = await post(t, clerk, `/api/cases/${accepted.id}/supplement`, {
      items: ITEMS,
      note: '其余材料齐全',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await setDay('2026-03-31');
    const materials = [];
    for (const item of ITEMS)
      materials.push({ name: item.name, fileIds: [await upload(t, citizen, '补正.pdf')] });
    const supplied = await post(t, citizen, `/api/cases/${accepted.id}/supply`, { materials });
    expect(supplied.statusCode, supplied.body).toBe(200);
    await setDay('2026-04-02');
    const ok = await post(t, clerk, `/api/cases/${accepted.id}/accept`, { note: '材料齐全，予以受理' });
    expect(ok.statusCode, ok.body).toBe(200);
    accepted = ok.json();
    const second = await submit(t, citizen, await applicationFor(t, citizen));
    const no = await post(t, clerk, `/api/cases/${second.json().case.id}/refuse`, {
      reason: '申请事项依法不需要取得行政许可',
      basis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    });
    expect(no.statusCode, no.body).toBe(200);
    refused = no.json();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    if (!process.env.NOTICES_PNG_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('the applicant and the clerk download the same acceptance notice, named in Chinese', async () => {
    const mine = await download(citizen, accepted, 'acceptance');
    const theirs = await get(t, clerk, url(accepted, 'acceptance'));
    expect(theirs.statusCode).toBe(200);
    expect(Buffer.compare(theirs.rawPayload, mine.res.rawPayload)).toBe(0); // rebuilt, byte for byte
    expect(mine.res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`受理通知书-${accepted.caseNo}.pdf`)}`,
    );
  });

  describe.skipIf(!hasPoppler)('read back with poppler-utils', () => {
    it('the acceptance notice names the case, the applicant with a masked ID and both deadlines', async () => {
      const { file } = await download(citizen, accepted, 'acceptance');
      const text = textOf(file);
      for (const expected of [
        '信阳市市场监督管理局',
        '受理通知书',
        accepted.acceptanceDocNo ?? '?',
        accepted.caseNo,
        '王小明',
        maskIdNumber(idNumber),
        '食品经营许可（新办）',
        '2026年3月30日提出',
        '决定予以受理',
        '承诺办结时限为5个工作日（至2026年4月10日）',
        '法定办结时限为10个工作日（至2026年4月17日）',
        '2026年4月2日',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain(idNumber);
    });

    it('the supplement notice lists every item with its reason and asks for all of them at once', async () => {
      const text = textOf((await download(citizen, accepted, 'supplement')).file);
      expect(text).toContain('补正材料通知书');
      expect(text).toContain('（一次性告知书）');
      expect(text).toContain(`BZ${accepted.caseNo.replaceAll('-', '')}`);
      for (const item of ITEMS) {
        expect(text).toContain(item.name);
        expect(text).toContain(item.reason);
      }
      expect(text).toContain('一次性告知你需要补正的全部内容');
      expect(text).toContain('一次性补齐全部材料');
      expect(text).toContain('“我的办件”');
      expect(text).toContain('其他说明：其余材料齐全。');
      expect(text).toContain('2026年3月30日');
    });

    it('the refusal notice gives the reason, the legal basis and the 60-day / 6-month remedies', async () => {
      const text = textOf((await download(clerk, refused, 'refusal')).file);
      expect(text).toContain('不予受理通知书');
      expect(text).toContain(refused.caseNo);
      expect(text).toContain('经审查，申请事项依法不需要取得行政许可。');
      expect(text).toContain(
        '依据《中华人民共和国行政许可法》第三十二条第一款第（一）项的规定，本机关决定不予受理',
      );
      expect(text).toContain('六十日内依法申请行政复议');
      expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
    });

    it('each notice embeds a subset TrueType CJK font and renders to a one-page A4 PNG', async () => {
      for (const [c, kind] of [
        [accepted, 'acceptance'],
        [accepted, 'supplement'],
        [refused, 'refusal'],
      ] as const) {
        const { file } = await download(citizen, c, kind);
        const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
        expect(fonts).toHaveLength(1);
        // name, type, encoding, then emb / sub / uni all "yes"
        expect(fonts[0]).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/Pages:\s+1\n/);
        expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
        execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, join(dir, kind)]);
        expect(existsSync(join(dir, `${kind}.png`))).toBe(true);
      }
    });

    it.skipIf(!has('zbarimg'))('the QR code opens the public progress page for the case', async () => {
      const { file } = await download(citizen, accepted, 'acceptance');
      const png = join(dir, 'qr');
      execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file, png]);
      const decoded = execFileSync('zbarimg', ['-q', '--raw', `${png}.png`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'], // zbar complains about a missing D-Bus on stderr
      }).trim();
      expect(decoded).toBe(`${PUBLIC_URL}/lookup?caseNo=${accepted.caseNo}`);
    });
  });

  it('a notice the case does not have is a 409 naming its state', async () => {
    for (const [c, kind] of [
      [accepted, 'refusal'],
      [refused, 'acceptance'],
      [refused, 'supplement'],
    ] as const) {
      const res = await get(t, clerk, url(c, kind));
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'CASE_NOTICE_NOT_AVAILABLE', title: '该办件没有此类通知书' });
    }
    expect((await get(t, clerk, url(refused, 'acceptance'))).json().detail).toContain('不予受理');
  });

  it('outsiders get the 404 of a missing case; strangers 401; an unknown kind 400', async () => {
    const stranger = await signUpCitizen(t, { realName: '李四' });
    const depts = (await t.modules.org.listDepartments('411500')).filter(
      (d) => d.id !== accepted.departmentId,
    );
    const otherClerk = await staffSession(t, ['window_clerk'], 'otherclerk', depts[0]?.id ?? null);
    for (const who of [stranger, otherClerk]) {
      const res = await get(t, who, url(accepted, 'acceptance'));
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('CASE_NOT_FOUND');
    }
    const missing = await get(t, clerk, `/api/cases/${randomUUID()}/notices/acceptance`);
    expect(missing.json().code).toBe('CASE_NOT_FOUND');
    expect((await get(t, null, url(accepted, 'acceptance'))).statusCode).toBe(401);
    expect((await get(t, clerk, url(accepted, 'decision'))).statusCode).toBe(400);
  });

  it('without a usable CJK TrueType font: 503 problem+json naming the Debian package, no path', async () => {
    const config = t.modules.deps.config; // the very object the cases module reads
    const candidates = [
      '/no/such/font.ttf',
      '/etc/hostname',
      '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    ];
    try {
      for (const path of candidates.filter((p, i) => i === 0 || existsSync(p))) {
        config.pdfFontPath = path;
        const res = await get(t, citizen, url(accepted, 'acceptance'));
        expect(res.statusCode, path).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json();
        expect(body).toMatchObject({
          code: 'CASE_NOTICE_FONT_MISSING',
          title: '服务器缺少生成通知书所需的中文字体',
        });
        expect(body.detail).toContain('fonts-wqy-microhei');
        expect(body.detail).toContain('YIWANG_PDF_FONT');
        expect(res.body).not.toContain(path);
        expect(res.body).not.toMatch(/at .+\.ts:\d+/);
      }
    } finally {
      config.pdfFontPath = undefined;
    }
    expect((await get(t, citizen, url(accepted, 'acceptance'))).statusCode).toBe(200);
  });
});
