import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/services/core';
import { startHost, type RunningHost } from '../../src/main/host/server';
import { fixedClock } from '../helpers/fixed-clock';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let running: { host: RunningHost; core: Core } | undefined;

afterEach(async () => {
  await running?.host.close();
  running?.core.dispose();
  running = undefined;
});

async function start() {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>probe</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the root');
  const core = await openCore({ version: '1.0.0', dataDir: tempDir(), profile: 'training', host: 'browser-host', clock: fixedClock('2026-11-23T00:00:00Z') });
  const host = await startHost({ core, rendererDir, token: 'launch-token-for-test' });
  running = { host, core };
  return host;
}

function post(host: RunningHost, name: string, headers: Record<string, string>, body = '{}') {
  return fetch(`http://127.0.0.1:${host.port}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('browser host over real loopback HTTP', () => {
  it('listens on 127.0.0.1 and puts the token in the URL fragment only', async () => {
    const host = await start();
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=launch-token-for-test`);
  });

  it('answers 401 with a Vietnamese message to a call without the token, or with a wrong one', async () => {
    const host = await start();
    for (const headers of [{}, { 'x-motcua-token': 'guess' }] as Record<string, string>[]) {
      const res = await post(host, 'app.info', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'api.unauthorized' } });
    }
  });

  it('serves app.info to a caller with the token', async () => {
    const host = await start();
    const res = await post(host, 'app.info', { 'x-motcua-token': 'launch-token-for-test' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'browser-host', commune: { demo: true } } });
  });

  it('maps bad JSON, unknown calls and wrong methods to typed errors', async () => {
    const host = await start();
    const auth = { 'x-motcua-token': 'launch-token-for-test' };
    expect((await post(host, 'app.info', auth, '{not json')).status).toBe(400);
    expect((await post(host, 'no.such', auth)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${host.port}/api/app.info`)).status).toBe(405);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const host = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const host = await start();
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`http://127.0.0.1:${host.port}/..%2Fsecret.txt`);
    expect(escape.status).toBe(404);
  });
});
