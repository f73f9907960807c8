// The files module's API for other modules: signed download links (RELIABILITY Z5: ≤ 5 minutes,
// bound to one user, dead after logout), claiming and releasing, reading bytes, generated results,
// and garbage collection of unclaimed rows, orphan blobs and dead uploads' temp files (R5).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { type Session, signUpCitizen, staffSession } from '../../../test/support/auth.ts';
import { systemContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/index.ts';
import { blobKey } from './storage.ts';
import * as fixtures from './tests/fixtures.ts';

const HOUR = 3600_000;

describe('files module API', () => {
  let t: TestApp;
  let dataDir: string;
  let citizen: Session;
  let clerk: Session;
  let reviewer: Session;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'yiwang-files-'));
    t = await testApp({ config: { dataDir } });
    await t.modules.org.seedDemo();
    citizen = await signUpCitizen(t);
    clerk = await staffSession(t, ['window_clerk']);
    reviewer = await staffSession(t, ['reviewer']);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (who: Session, bytes: Buffer, name = 'm.pdf') => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...who.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      payload: bytes,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; sha256: string; size: number };
  };
  const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const blobPath = (sha256: string) => join(dataDir, 'files', 'blobs', blobKey(sha256));

  describe('signed download links', () => {
    it('let the user they were made for download another person’s file for 5 minutes', async () => {
      const material = await upload(citizen, fixtures.pdf('link'), '身份证明.pdf');
      const link = t.modules.files.createDownloadLink(material.id, clerk.accountId);
      expect(link.url).toMatch(new RegExp(`^/api/files/${material.id}\\?expires=\\d+&signature=[\\w-]{43}$`));
      expect(new Date(link.expiresAt).getTime() - t.clock.now().getTime()).toBe(300_000);
      const res = await get(clerk, link.url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.rawPayload.equals(fixtures.pdf('link'))).toBe(true);
      // without the link the clerk is an outsider
      expect((await get(clerk, `/api/files/${material.id}`)).statusCode).toBe(404);
    });

    it('do nothing for another user, a changed expiry or signature, or another file', async () => {
      const a = await upload(citizen, fixtures.pdf('a'));
      const b = await upload(citizen, fixtures.pdf('b'));
      const link = t.modules.files.createDownloadLink(a.id, clerk.accountId);
      const [, query] = link.url.split('?') as [string, string];
      const params = new URLSearchParams(query);
      const expires = Number(params.get('expires'));
      const signature = String(params.get('signature'));
      const attempts: Array<[Session, string]> = [
        [reviewer, link.url],
        [clerk, `/api/files/${a.id}?expires=${expires + 60}&signature=${signature}`],
        [
          clerk,
          `/api/files/${a.id}?expires=${expires}&signature=${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
        ],
        [clerk, `/api/files/${b.id}?expires=${expires}&signature=${signature}`],
        [clerk, `/api/files/${a.id}?expires=${expires}`],
      ];
      for (const [who, url] of attempts) {
        const res = await get(who, url);
        expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'FILES_NOT_FOUND']);
      }
    });

    it('expire after at most 5 minutes on the clock, and cannot be made longer', async () => {
      const file = await upload(citizen, fixtures.png(9));
      const link = t.modules.files.createDownloadLink(file.id, clerk.accountId, 3600);
      expect(new Date(link.expiresAt).getTime() - t.clock.now().getTime()).toBe(300_000);
      t.clock.advance(299_000);
      expect((await get(clerk, link.url)).statusCode).toBe(200);
      t.clock.advance(1_000);
      const expired = await get(clerk, link.url);
      expect([expired.statusCode, expired.json().code]).toEqual([403, 'FILES_LINK_EXPIRED']);
    });

    it('stop working when the user signs out', async () => {
      const session = await staffSession(t, ['reviewer']);
      const file = await upload(citizen, fixtures.png(10));
      const link = t.modules.files.createDownloadLink(file.id, session.accountId);
      expect((await get(session, link.url)).statusCode).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
      expect((await get(session, link.url)).statusCode).toBe(401);
    });
  });

  describe('claiming, reading and generated results', () => {
    it('claims the uploader’s own files for an owner, and refuses files of someone else', async () => {
      const own = await upload(citizen, fixtures.pdf('own'));
      const foreign = await upload(clerk, fixtures.pdf('foreign'));
      const owner = { type: 'case', id: 'case-1' };
      const by = { kind: 'citizen' as const, id: citizen.accountId };
      const refused = inTransaction(t.db, (tx) =>
        t.modules.files.claim(tx, [own.id, foreign.id], owner, { uploadedBy: by }),
      );
      await expect(refused).rejects.toMatchObject({ code: 'FILES_NOT_FOUND', status: 404 });
      expect(await t.modules.files.listHeld(owner)).toEqual([]);
      const claimed = await inTransaction(t.db, (tx) =>
        t.modules.files.claim(tx, [own.id, own.id], owner, { uploadedBy: by }),
      );
      expect(claimed.map((f) => f.id)).toEqual([own.id]);
      await inTransaction(t.db, (tx) => t.modules.files.claim(tx, [own.id], owner)); // twice is harmless
      expect((await t.modules.files.listHeld(owner)).map((f) => f.id)).toEqual([own.id]);
      const read = await t.modules.files.read(own.id);
      expect(read.file).toMatchObject({ id: own.id, mediaType: 'application/pdf', uploadedBy: by });
      expect((await read.bytes()).equals(fixtures.pdf('own'))).toBe(true);
    });

    it('rolls a claim back with the owner’s transaction', async () => {
      const file = await upload(citizen, fixtures.pdf('rollback'));
      const owner = { type: 'case', id: 'case-rolled-back' };
      const failing = inTransaction(t.db, async (tx) => {
        await t.modules.files.claim(tx, [file.id], owner);
        throw new Error('the case could not be saved');
      });
      await expect(failing).rejects.toThrow('the case could not be saved');
      expect(await t.modules.files.listHeld(owner)).toEqual([]);
    });

    it('stores a generated result under the same type rules, as the system', async () => {
      const result = await t.modules.files.storeBytes(systemContext('licenses'), {
        name: '准予许可决定书',
        bytes: fixtures.pdf('decision'),
      });
      expect(result).toMatchObject({ name: '准予许可决定书.pdf', uploadedBy: { kind: 'system', id: null } });
      await expect(
        t.modules.files.storeBytes(systemContext(), { name: 'x.pdf', bytes: fixtures.HTML_PAGE }),
      ).rejects.toMatchObject({ code: 'FILES_TYPE_NOT_ALLOWED' });
    });
  });

  describe('garbage collection', () => {
    it('removes unclaimed uploads after 24 h, orphan blobs and dead temp files, and keeps claimed ones', async () => {
      t.clock.advance(25 * HOUR);
      await t.modules.files.gc(); // start from a clean slate: earlier tests' uploads are a day old
      citizen = await signUpCitizen(t); // sessions lapse as the clock moves on: sign in afresh
      clerk = await staffSession(t, ['window_clerk']);
      const kept = await upload(citizen, fixtures.png(201), 'kept.png');
      const dropped = await upload(citizen, fixtures.png(202), 'dropped.png');
      const young = await upload(citizen, fixtures.png(203), 'young.png');
      const shared = await upload(citizen, fixtures.png(204), 'shared-1.png');
      const sharedTwin = await upload(clerk, fixtures.png(204), 'shared-2.png');
      await inTransaction(t.db, (tx) =>
        t.modules.files.claim(tx, [kept.id, sharedTwin.id], { type: 'case', id: 'c-gc' }),
      );
      // an orphan blob (a crash between publishing and committing) and a dead process's temp file
      const orphanSha = 'ab'.repeat(32);
      mkdirSync(join(blobPath(orphanSha), '..'), { recursive: true });
      writeFileSync(blobPath(orphanSha), 'orphan');
      writeFileSync(join(dataDir, 'files', 'tmp', `${hostname()}.999999.dead`), 'partial');

      t.clock.advance(23 * HOUR);
      const notYet = await t.modules.files.gc();
      expect(notYet).toEqual({ files: 0, blobs: 1, temps: 1 });
      expect(existsSync(blobPath(orphanSha))).toBe(false);

      t.clock.advance(2 * HOUR);
      const young2 = await upload(await signUpCitizen(t), fixtures.png(205), 'fresh.png');
      const swept = await t.modules.files.gc();
      expect(swept).toEqual({ files: 3, blobs: 2, temps: 0 });
      expect(await t.modules.files.get(dropped.id)).toBeNull();
      expect(await t.modules.files.get(young.id)).toBeNull();
      expect(await t.modules.files.get(shared.id)).toBeNull();
      for (const file of [kept, sharedTwin, young2]) {
        expect((await t.modules.files.get(file.id))?.id).toBe(file.id);
        expect(existsSync(blobPath(file.sha256))).toBe(true);
      }
      expect(existsSync(blobPath(dropped.sha256))).toBe(false);
      expect(readdirSync(join(dataDir, 'files', 'tmp'))).toEqual([]);
      const audit = await t.modules.audit.searchEntries({ action: 'files.gc', limit: 5 });
      expect(audit.items[0]?.summary).toMatchObject({ deletedFiles: 3 });
      // and running it again finds nothing to do
      expect(await t.modules.files.gc()).toEqual({ files: 0, blobs: 0, temps: 0 });
    });

    it('lets a released file go with the unclaimed ones', async () => {
      t.clock.advance(25 * HOUR);
      await t.modules.files.gc();
      const file = await upload(await signUpCitizen(t), fixtures.jpeg(), 'photo.jpg');
      const owner = { type: 'case-draft', id: 'd-1' };
      await inTransaction(t.db, (tx) => t.modules.files.claim(tx, [file.id], owner));
      t.clock.advance(25 * HOUR);
      expect((await t.modules.files.gc()).files).toBe(0);
      expect(await inTransaction(t.db, (tx) => t.modules.files.release(tx, [file.id], owner))).toBe(1);
      expect((await t.modules.files.gc()).files).toBe(1);
    });
  });
});
