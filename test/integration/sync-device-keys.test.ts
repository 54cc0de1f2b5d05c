/*
 * Device identity on real parts (sync.md §4.3): each PC enrols with its own Ed25519 key pair and
 * buys short-lived tokens by signing a single-use nonce. A replayed or expired challenge, a key
 * the hub does not hold, and a revoked device are refused; a device of one commune can neither
 * read nor write another commune's dossiers. Runs on PGlite and on PostgreSQL 15.
 */
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { num } from '../../src/hub/db/db';
import { countDossiers, getDossierById } from '../../src/main/store/repos/dossiers';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { newDeviceKeyPair, signChallenge } from '../../src/sync/device-key';
import { pull, push, requestToken, type FetchFn } from '../../src/sync/hub-api';
import { challengeMessage, PROTOCOL_VERSION } from '../../src/sync/protocol/messages';
import { at } from '../helpers/dossier-fixtures';
import { call, communeWithCode, pgUnavailable, startTestHub, type HubKind, type TestHub } from '../helpers/hub';
import { enrolPc, receiveDossiers, transitionOnPc, type TestPc } from '../helpers/sync-pc';
import { useOpenSyncParts } from '../helpers/sync-teardown';
import { useTempDirs } from '../helpers/temp-dir';

const post = async (hub: TestHub, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${hub.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

for (const kind of ['pglite', 'postgres'] as HubKind[]) {
  const skip = kind === 'postgres' ? pgUnavailable : undefined;
  if (skip !== undefined) console.warn(`sync-device-keys [postgres] skipped: ${skip}`);

  describe.skipIf(skip !== undefined)(`device key pairs on ${kind}`, () => {
    const tempDir = useTempDirs();
    const open = useOpenSyncParts<{ hub?: TestHub; pcs: TestPc[] }>();
    const pcOf = async (hub: TestHub, commune: string, name: string): Promise<TestPc> => {
      const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, commune, `UBND xã Thử Nghiệm ${commune}`), name);
      open.pcs.push(pc);
      return pc;
    };

    it('stores only the public key and refuses a replayed, an expired or a wrongly signed challenge', async () => {
      const hub = (open.hub = await startTestHub(kind));
      const pc = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      const [device] = await hub.db.query('SELECT public_key, secret_hash FROM devices WHERE id = $1', [pc.creds.deviceId]);
      expect(device?.secret_hash).toBeNull();
      expect(String(device?.public_key)).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
      expect(pc.creds.secret).toContain('BEGIN PRIVATE KEY');
      expect(pc.creds.secret).not.toContain(String(device?.public_key));

      const challenge = await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: pc.creds.deviceId });
      expect(challenge.status).toBe(200);
      const nonce = String(challenge.body.nonce);
      const signature = signChallenge(pc.creds.secret, pc.creds.deviceId, nonce);
      const answer = { protocol: PROTOCOL_VERSION, deviceId: pc.creds.deviceId, nonce, signature };
      expect((await post(hub, '/v1/token', answer)).status).toBe(200);
      // The same nonce and signature a second time (a captured request replayed) buys nothing.
      expect(await post(hub, '/v1/token', answer)).toMatchObject({ status: 401, body: { error: 'device-unknown' } });

      // Another key's signature over a fresh nonce, and a nonce past its expiry, are refused too.
      const fresh = String((await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: pc.creds.deviceId })).body.nonce);
      const stranger = newDeviceKeyPair();
      expect((await post(hub, '/v1/token', { ...answer, nonce: fresh, signature: signChallenge(stranger.privateKey, pc.creds.deviceId, fresh) })).status).toBe(401);
      const late = String((await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: pc.creds.deviceId })).body.nonce);
      await hub.db.query("UPDATE auth_challenges SET expires_at = now() - interval '1 second' WHERE nonce = $1", [late]);
      expect((await post(hub, '/v1/token', { ...answer, nonce: late, signature: signChallenge(pc.creds.secret, pc.creds.deviceId, late) })).status).toBe(401);
      // A signature over the nonce alone (not bound to the device and protocol) does not verify.
      const bare = String((await post(hub, '/v1/challenge', { protocol: PROTOCOL_VERSION, deviceId: pc.creds.deviceId })).body.nonce);
      expect(challengeMessage(pc.creds.deviceId, bare)).toContain(pc.creds.deviceId);
      const bareSig = sign(null, Buffer.from(bare), pc.creds.secret).toString('base64');
      expect((await post(hub, '/v1/token', { ...answer, nonce: bare, signature: bareSig })).status).toBe(401);

      // The client itself still gets in with its own key.
      await expect(requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret)).resolves.toMatchObject({ expiresInS: 900 });
    });

    it('never sends the private key: enrolment, tokens, push and pull carry only the public key and signatures', async () => {
      const hub = (open.hub = await startTestHub(kind));
      const sent: string[] = [];
      const recording: FetchFn = (url, init) => {
        sent.push(`${url} ${typeof init.body === 'string' ? init.body : ''}`);
        return fetch(url, init);
      };
      const pc = await enrolPc(tempDir(), hub.url, await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm'), 'Máy 1', recording);
      open.pcs.push(pc);
      receiveDossiers(pc, 2);
      await pc.client.syncOnce();
      expect(sent.some((s) => s.includes('/v1/enrol') && s.includes('"publicKey"'))).toBe(true);
      expect(sent.filter((s) => s.includes('/v1/token'))).toHaveLength(1);
      const keyBody = pc.creds.secret.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
      expect(keyBody.length).toBeGreaterThan(40);
      for (const s of sent) {
        expect(s).not.toContain('PRIVATE KEY');
        expect(s).not.toContain(keyBody);
      }
    });

    it('refuses enrolment with a key that is not Ed25519', async () => {
      const hub = (open.hub = await startTestHub(kind));
      const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
      const bad = await post(hub, '/v1/enrol', { protocol: PROTOCOL_VERSION, code, deviceName: 'Máy 1', publicKey: Buffer.alloc(44, 7).toString('base64') });
      expect(bad).toMatchObject({ status: 400, body: { error: 'device-key-invalid' } });
      // The code was not spent by the refused attempt.
      expect((await post(hub, '/v1/enrol', { protocol: PROTOCOL_VERSION, code, deviceName: 'Máy 1', publicKey: newDeviceKeyPair().publicKey })).status).toBe(200);
    });

    it('refuses a revoked device a new token, so it can no longer sync', async () => {
      const hub = (open.hub = await startTestHub(kind));
      const pc = await pcOf(hub, '000.00.00.X99', 'Máy 1');
      receiveDossiers(pc, 2);
      await pc.client.syncOnce();
      expect((await call(hub, 'POST', `/v1/admin/devices/${pc.creds.deviceId}/revoke`, undefined)).status).toBe(204);
      expect((await call(hub, 'POST', '/v1/admin/devices/no-such-device/revoke', undefined)).status).toBe(404);
      await expect(requestToken(fetch, hub.url, pc.creds.deviceId, pc.creds.secret)).rejects.toMatchObject({ status: 401, code: 'device-unknown', transient: false });
      receiveDossiers(pc, 1);
      // A new client (as after a restart) has no token and cannot get one.
      const { SyncClient } = await import('../../src/sync/client');
      pc.client = new SyncClient(pc.store, fetch, hub.url, pc.creds);
      await expect(pc.client.syncOnce()).rejects.toMatchObject({ code: 'device-unknown' });
      expect(num((await hub.db.query('SELECT count(*) AS n FROM dossiers'))[0]?.n)).toBe(2);
    });

    it("lets a device of commune B neither read nor change commune A's dossiers", async () => {
      const hub = (open.hub = await startTestHub(kind));
      const a = await pcOf(hub, '000.00.00.X99', 'Máy xã A');
      const b = await pcOf(hub, '000.00.00.X98', 'Máy xã B');
      const [dossierOfA] = receiveDossiers(a, 2);
      await a.client.syncOnce();
      const { token } = await requestToken(fetch, hub.url, b.creds.deviceId, b.creds.secret);
      // Reading: B's feed holds none of A's dossiers, whatever cursor B sends.
      const page = await pull(fetch, hub.url, token, undefined, 1000);
      expect(page.kind === 'page' && page.items.filter((i) => i.type === 'dossier')).toEqual([]);
      await b.client.syncOnce();
      expect(b.store.read(countDossiers)).toBe(0);
      // Writing: B forges a transition of A's dossier (B has never seen it): refused, A's row untouched.
      const forged = { ...dossierOfA!, status: 'processing', rowVersion: 9 };
      const answer = await push(fetch, hub.url, token, b.creds.deviceId, [
        {
          seq: 1,
          key: uuidv7(5),
          kind: 'dossier.transitioned',
          entityId: forged.id,
          payload: { event: { id: uuidv7(6), dossierId: forged.id, at: at(6), action: 'start-processing', fromStatus: 'received', toStatus: 'processing' }, dossier: forged },
        },
      ]);
      expect(answer.rejected.map((r) => r.code)).toEqual(['sync.not-in-commune']);
      const onHub = (await hub.db.query('SELECT status, row_version FROM dossiers WHERE id = $1', [forged.id]))[0];
      expect(onHub).toMatchObject({ status: 'received' });
      // And A's own next change still applies normally.
      transitionOnPc(a, forged.id, 'start-processing', 'processing');
      await a.client.syncOnce();
      expect(a.store.read((db) => getDossierById(db, forged.id))?.status).toBe('processing');
      expect((await hub.db.query('SELECT status FROM dossiers WHERE id = $1', [forged.id]))[0]?.status).toBe('processing');
    });
  });
}
