/*
 * Protocol negotiation on a real hub over loopback: a device request naming a protocol older than
 * the hub serves is answered 426 with a Vietnamese message before its body is judged, and the
 * client turns that into a permanent `upgrade-required` error (never retried) for the badge.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenSigner } from '../../src/hub/auth';
import { buildHub } from '../../src/hub/server';
import { describeError } from '../../src/shared/api/errors';
import { enrol } from '../../src/sync/hub-api';
import { syncFailure } from '../../src/sync/scheduler-errors';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/sync/protocol/messages';
import { call, communeWithCode, startTestHub, type TestHub } from '../helpers/hub';

describe('protocol version negotiation', () => {
  const open: { hub?: TestHub; close?: () => Promise<unknown> } = {};
  afterEach(async () => {
    await open.close?.();
    await open.hub?.close();
    open.hub = undefined;
    open.close = undefined;
  });

  it('answers 426 with a Vietnamese message to a device speaking an older protocol, by header or by body', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const byHeader = await fetch(`${hub.url}/v1/pull`, { headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION - 1), authorization: 'Bearer x' } });
    expect(byHeader.status).toBe(426);
    const body = (await byHeader.json()) as { error: string; message: { vi: string; en: string } };
    expect(body.error).toBe('upgrade-required');
    expect(body.message.vi).toContain('cập nhật Motcua Desk');
    expect(body.message.vi).toBe(body.message.vi.normalize('NFC'));
    const byBody = await fetch(`${hub.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION - 1, code: 'ABCDEFGHJKLM', deviceName: 'Máy cũ' }),
    });
    expect(byBody.status).toBe(426);
    // The current protocol, and the admin and portal routes (no device protocol), pass.
    const current = await fetch(`${hub.url}/v1/pull`, { headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), authorization: 'Bearer x' } });
    expect(current.status).toBe(401);
    expect((await call(hub, 'POST', '/v1/admin/communes', { id: '000.00.00.X99', name: 'UBND xã Thử Nghiệm' })).status).toBe(201);
  });

  it('makes the client fail for good with upgrade-required when the hub has moved past its protocol', async () => {
    const hub = (open.hub = await startTestHub('pglite'));
    const code = await communeWithCode(hub, '000.00.00.X99', 'UBND xã Thử Nghiệm');
    const newer = buildHub({ db: hub.db, adminToken: hub.adminToken, portalToken: hub.portalToken, signer: new TokenSigner(randomBytes(32)), minProtocol: PROTOCOL_VERSION + 1 });
    const url = await newer.listen({ host: '127.0.0.1', port: 0 });
    open.close = () => newer.close();
    const refused = enrol(fetch, url, code, 'Máy 1');
    await expect(refused).rejects.toMatchObject({ code: 'upgrade-required', status: 426, transient: false });
    await expect(refused).rejects.toHaveProperty('userMessage.vi', expect.stringContaining(`giao thức ${PROTOCOL_VERSION + 1}`));
    // The badge shows it as the catalogue's own code, not as a generic hub error.
    const failure = syncFailure(await refused.catch((e: unknown) => e), url);
    expect(failure.code).toBe('sync.upgrade-required');
    expect(failure.message.vi).toContain('cập nhật Motcua Desk');
    // The code was not spent: the same PC enrols once the hub serves its protocol again.
    await expect(enrol(fetch, hub.url, code, 'Máy 1')).resolves.toMatchObject({ communeId: '000.00.00.X99' });
    expect(describeError('sync.upgrade-required').message.vi).toContain('cập nhật');
  });
});
