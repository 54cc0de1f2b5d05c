/*
 * Hub hardening (issue 13), finding 5: the enrolment, challenge/token and upload routes are rate
 * limited (@fastify/rate-limit), keyed by the device of a valid token where there is one, else by
 * the client's address, answering 429 with a Vietnamese and English message and Retry-After. The
 * limits here are tiny on purpose; the defaults are generous. Runs on PGlite and PostgreSQL 15.
 */
import { describe, expect, it } from 'vitest';
import { requestToken } from '../../src/sync/hub-api';
import { PROTOCOL_VERSION } from '../../src/sync/protocol/messages';
import { communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const post = async (hub: TestHub, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> => {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') };
};
const statusWith = async (hub: TestHub, token: string, dossierId: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${hub.url}/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${'ab'.repeat(32)}/status`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const rateLimited = (a: { status: number; body: Record<string, unknown> }): void => {
  expect(a.status).toBe(429);
  expect(a.body.error).toBe('rate-limited');
  const message = a.body.message as { vi: string; en: string };
  expect(message.vi).toMatch(/quá nhiều yêu cầu/);
  expect(message.en).toMatch(/too many requests/);
};

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`hub-hardening-rate [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`rate limits on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; pcs: TestPc[] }>();

    it('answers 429 with a Vietnamese and English message past the enrolment and challenge limits (keyed by address)', async () => {
      const hub = (open.hub = await startTestHub(kind, { sweepIntervalMs: 0, scrubIntervalMs: 0, rateLimits: { enrol: { max: 2, windowMs: 60_000 }, auth: { max: 3, windowMs: 60_000 } } }));
      const guess = { protocol: PROTOCOL_VERSION, code: 'KHONGDUNG1', deviceName: 'Máy thử', publicKey: Buffer.alloc(44, 7).toString('base64') };
      expect((await post(hub, '/v1/enrol', guess)).status).toBe(400);
      expect((await post(hub, '/v1/enrol', guess)).status).toBe(400);
      const third = await post(hub, '/v1/enrol', guess);
      rateLimited(third);
      expect(Number(third.retryAfter)).toBeGreaterThan(0);
      const ask = { protocol: PROTOCOL_VERSION, deviceId: 'khong-co-may-nay' };
      for (let i = 0; i < 3; i++) expect((await post(hub, '/v1/challenge', ask)).status).toBe(401);
      rateLimited(await post(hub, '/v1/challenge', ask));
      // The token route keeps its own count.
      expect((await post(hub, '/v1/token', { ...ask, nonce: 'x'.repeat(43), signature: 'y'.repeat(86) })).status).not.toBe(429);
    });

    it('counts upload requests per device token, so one busy PC does not hold back another', async () => {
      const hub = (open.hub = await startTestHub(kind, { sweepIntervalMs: 0, scrubIntervalMs: 0, rateLimits: { upload: { max: 2, windowMs: 60_000 } } }));
      const pcs = await Promise.all(
        ['Máy 1', 'Máy 2'].map(async (name) => {
          const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X94', 'UBND xã Thử Nghiệm'), name);
          open.pcs.push(pc);
          return pc;
        }),
      );
      const [dossier] = receiveDossiers(pcs[0]!, 1);
      await pcs[0]!.client.syncOnce();
      const [t1, t2] = await Promise.all(pcs.map(async (pc) => (await requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret)).token));
      expect((await statusWith(hub, t1!, dossier!.id)).status).toBe(200);
      expect((await statusWith(hub, t1!, dossier!.id)).status).toBe(200);
      rateLimited(await statusWith(hub, t1!, dossier!.id));
      expect((await statusWith(hub, t2!, dossier!.id)).status).toBe(200);
    });
  });
}
