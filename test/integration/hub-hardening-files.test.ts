/*
 * Hub hardening (issue 13), findings 2–4, on the attachment routes over real HTTP and real files:
 * a size cap and byte quotas answered 413/429 with Vietnamese and English messages, partial
 * uploads that expire and are swept, blob integrity checked by the scrub (not by every Range
 * read), and files scoped per commune (a hash another commune uploaded links and downloads
 * nothing). Fictitious data only. Runs on PGlite and on PostgreSQL 15.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepPartialUploads } from '../../src/hub/attachments';
import { num } from '../../src/hub/db/db';
import { requestToken } from '../../src/sync/hub-api';
import { CHUNK_CONTENT_TYPE, CHUNK_HEADERS } from '../../src/sync/protocol/attachments';
import { communeWithCode, pgUnavailable, startTestHub, type HardeningOptions, type HubKind, type TestHub } from '../helpers/hub';
import { fakeScan } from '../helpers/sync-attachments';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

type Hub = TestHub;
interface Counter {
  readonly pc: TestPc;
  readonly token: string;
  readonly dossierId: string;
}
interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const fileUrl = (hub: TestHub, dossierId: string, hash: string): string => `${hub.url}/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${hash}`;
const json = async (res: Response): Promise<Answer> => {
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
};

/** One chunk of `file` at `offset`, as the PC's lane sends it. */
const patch = async (hub: TestHub, c: Counter, file: Buffer, offset: number, end = file.length): Promise<Answer> => {
  const bytes = file.subarray(offset, end);
  return json(
    await fetch(fileUrl(hub, c.dossierId, sha(file)), {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${c.token}`,
        'content-type': CHUNK_CONTENT_TYPE,
        [CHUNK_HEADERS.offset]: String(offset),
        [CHUNK_HEADERS.length]: String(file.length),
        [CHUNK_HEADERS.sha256]: sha(bytes),
      },
      body: bytes,
    }),
  );
};
const status = async (hub: TestHub, c: Counter, hash: string): Promise<Answer> =>
  json(await fetch(`${fileUrl(hub, c.dossierId, hash)}/status`, { headers: { authorization: `Bearer ${c.token}` } }));
const link = async (hub: TestHub, c: Counter, hash: string): Promise<Answer> =>
  json(
    await fetch(`${hub.url}/v1/dossiers/${encodeURIComponent(c.dossierId)}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sha256: hash, kind: 'slip', refId: hash, document: null, page: null }),
    }),
  );
const download = (hub: TestHub, c: Counter, dossierId: string, hash: string, range?: string): Promise<Response> =>
  fetch(fileUrl(hub, dossierId, hash), { headers: { authorization: `Bearer ${c.token}`, ...(range === undefined ? {} : { range }) } });

/** Every refusal carries a Vietnamese and an English message. */
const refused = (a: Answer, code: string, httpStatus: number): void => {
  expect(a.status).toBe(httpStatus);
  expect(a.body.error).toBe(code);
  const message = a.body.message as { vi: string; en: string };
  expect(message.vi.length).toBeGreaterThan(10);
  expect(message.en.length).toBeGreaterThan(10);
};

const NO_TIMERS: HardeningOptions = { sweepIntervalMs: 0, scrubIntervalMs: 0 };

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-hardening-files [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`attachment files hardened on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: Hub; pcs: TestPc[] }>();
    /** A PC of `commune` with one dossier on the hub, and a token. */
    const counter = async (hub: Hub, commune: string): Promise<Counter> => {
      const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, commune, `UBND xã Thử Nghiệm ${commune}`), 'Máy 1');
      open.pcs.push(pc);
      const [dossier] = receiveDossiers(pc, 1);
      await pc.client.syncOnce();
      const { token } = await requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret);
      return { pc, token, dossierId: dossier!.id };
    };
    const inFlight = async (hub: Hub): Promise<number> => num((await hub.db.query('SELECT count(*) AS n FROM partial_uploads'))[0]?.n);

    it('refuses a file over the size cap (413) before a byte is kept', async () => {
      const hub = (open.hub = await startTestHub(kind, { ...NO_TIMERS, uploadLimits: { maxFileBytes: 4096 } }));
      const a = await counter(hub, '000.00.00.X96');
      const big = fakeScan(5000, 1);
      refused(await patch(hub, a, big, 0, 1000), 'attachment-too-large', 413);
      expect(await status(hub, a, sha(big))).toMatchObject({ status: 200, body: { received: 0, complete: false } });
      expect(await inFlight(hub)).toBe(0);
      // A file within the cap goes through.
      const fits = fakeScan(4096, 2);
      expect(await patch(hub, a, fits, 0)).toMatchObject({ status: 200, body: { complete: true } });
    });

    it("keeps a device's uploads in flight (429) and a commune's stored bytes (413) under their quotas", async () => {
      const hub = (open.hub = await startTestHub(kind, { ...NO_TIMERS, uploadLimits: { devicePartialBytes: 5000, communeBytes: 8000 } }));
      const a = await counter(hub, '000.00.00.X96');
      const [x, y, z] = [fakeScan(3000, 3), fakeScan(3000, 4), fakeScan(3000, 5)];
      expect(await patch(hub, a, x, 0, 1000)).toMatchObject({ status: 200, body: { received: 1000 } });
      // A second file half-sent would put 6,000 bytes in flight for this PC.
      refused(await patch(hub, a, y, 0, 1000), 'attachment-device-quota', 429);
      expect(await patch(hub, a, x, 1000)).toMatchObject({ status: 200, body: { complete: true } });
      expect(await patch(hub, a, y, 0)).toMatchObject({ status: 200, body: { complete: true } });
      // 6,000 bytes stored: a third file of 3,000 would pass the commune's 8,000.
      refused(await patch(hub, a, z, 0, 1000), 'attachment-commune-quota', 413);
      expect(await inFlight(hub)).toBe(0);
      // Another commune has its own quota.
      const b = await counter(hub, '000.00.00.X95');
      expect(await patch(hub, b, z, 0)).toMatchObject({ status: 200, body: { complete: true } });
    });

    it('sweeps partial uploads left untouched past their expiry, with their bytes', async () => {
      const hub = (open.hub = await startTestHub(kind, { ...NO_TIMERS, uploadLimits: { devicePartialBytes: 5000 } }));
      const a = await counter(hub, '000.00.00.X96');
      const [stale, fresh] = [fakeScan(3000, 6), fakeScan(1000, 7)];
      expect(await patch(hub, a, stale, 0, 1000)).toMatchObject({ status: 200, body: { received: 1000 } });
      expect(await patch(hub, a, fresh, 0, 500)).toMatchObject({ status: 200, body: { received: 500 } });
      await hub.db.query("UPDATE partial_uploads SET touched_at = now() - interval '49 hours' WHERE sha256 = $1", [sha(stale)]);
      expect(await sweepPartialUploads(hub.db, hub.storage, 48 * 3600_000)).toBe(1);
      expect(await status(hub, a, sha(stale))).toMatchObject({ body: { received: 0, complete: false } });
      expect(await status(hub, a, sha(fresh))).toMatchObject({ body: { received: 500, complete: false } });
      expect(await inFlight(hub)).toBe(1);
      // The swept upload no longer counts against the PC: it starts again from 0.
      expect(await patch(hub, a, stale, 0)).toMatchObject({ status: 200, body: { complete: true } });
    });

    it('serves Range reads without re-hashing; the scrub finds bit rot, and the file is no longer served until sent again', async () => {
      const hub = (open.hub = await startTestHub(kind, NO_TIMERS));
      const a = await counter(hub, '000.00.00.X96');
      const page = fakeScan(300_000, 8);
      const h = sha(page);
      expect(await patch(hub, a, page, 0)).toMatchObject({ status: 200, body: { complete: true } });
      expect((await link(hub, a, h)).status).toBe(201);
      const path = join(hub.storageDir, 'blobs', h.slice(0, 2), h.slice(2, 4), h);
      // Bit rot: one byte flips on disk, the file's times stay as they were.
      const { atime, mtime } = statSync(path);
      const damaged = Buffer.from(readFileSync(path));
      damaged[200_000] = (damaged[200_000] ?? 0) ^ 0xff;
      writeFileSync(path, damaged);
      utimesSync(path, atime, mtime);
      // A Range read streams the bytes asked for; it does not hash the whole file first.
      const first = await download(hub, a, a.dossierId, h, 'bytes=0-9');
      expect(first.status).toBe(206);
      expect(Buffer.from(await first.arrayBuffer()).equals(page.subarray(0, 10))).toBe(true);
      // The periodic scrub finds the damage and moves the file aside: never served again.
      expect(await hub.storage.scrub()).toEqual({ checked: 1, corrupt: [h] });
      expect((await download(hub, a, a.dossierId, h, 'bytes=0-9')).status).toBe(404);
      expect((await download(hub, a, a.dossierId, h)).status).toBe(404);
      // The PC is told the hub lacks it, sends it again, and it is served whole.
      expect(await status(hub, a, h)).toMatchObject({ body: { received: 0, complete: false } });
      expect(await patch(hub, a, page, 0)).toMatchObject({ status: 200, body: { complete: true } });
      const again = await download(hub, a, a.dossierId, h);
      expect(again.status).toBe(200);
      expect(sha(Buffer.from(await again.arrayBuffer()))).toBe(h);
    });

    it("scopes files per commune: a hash another commune uploaded links and downloads nothing until this commune sent the bytes", async () => {
      const hub = (open.hub = await startTestHub(kind, NO_TIMERS));
      const a = await counter(hub, '000.00.00.X96');
      const b = await counter(hub, '000.00.00.X95');
      const slip = fakeScan(20_000, 9);
      const h = sha(slip);
      expect(await patch(hub, a, slip, 0)).toMatchObject({ status: 200, body: { complete: true } });
      expect((await link(hub, a, h)).status).toBe(201);
      // B knows the hash only: the hub does not tell B it holds the file, and refuses the link.
      expect(await status(hub, b, h)).toMatchObject({ status: 200, body: { received: 0, complete: false } });
      refused(await link(hub, b, h), 'attachment-incomplete', 409);
      expect(num((await hub.db.query('SELECT count(*) AS n FROM attachments WHERE commune_id = $1', ['000.00.00.X95']))[0]?.n)).toBe(0);
      expect((await download(hub, b, b.dossierId, h)).status).toBe(404);
      expect((await download(hub, b, a.dossierId, h)).status).toBe(403);
      // Other bytes under A's hash do not become B's upload, and A's file stays intact.
      const wrong = fakeScan(20_000, 10);
      const wrongChunk = await json(
        await fetch(fileUrl(hub, b.dossierId, h), {
          method: 'PATCH',
          headers: { authorization: `Bearer ${b.token}`, 'content-type': CHUNK_CONTENT_TYPE, [CHUNK_HEADERS.offset]: '0', [CHUNK_HEADERS.length]: '20000', [CHUNK_HEADERS.sha256]: sha(wrong) },
          body: wrong,
        }),
      );
      refused(wrongChunk, 'attachment-hash-mismatch', 422);
      const stillA = await download(hub, a, a.dossierId, h);
      expect(sha(Buffer.from(await stillA.arrayBuffer()))).toBe(h);
      // Once B sent the whole file itself, B links and downloads it (stored once on the hub).
      expect(await patch(hub, b, slip, 0)).toMatchObject({ status: 200, body: { complete: true } });
      expect((await link(hub, b, h)).status).toBe(201);
      const mine = await download(hub, b, b.dossierId, h);
      expect(mine.status).toBe(200);
      expect(sha(Buffer.from(await mine.arrayBuffer()))).toBe(h);
      expect(num((await hub.db.query('SELECT count(*) AS n FROM blobs'))[0]?.n)).toBe(1);
    });
  });
}
