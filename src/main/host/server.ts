/**
 * The browser host: the built renderer and `POST /api/<name>` on 127.0.0.1 only, for
 * development, end-to-end tests and PCs where Electron cannot run. Every API request must carry
 * the launch token; the same core and router as the Electron app answer it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError, type ErrorCode } from '../../shared/api/errors';
import type { ApiResult } from '../../shared/api/result';
import type { Core } from '../services/core';
import { hasValidToken, isLoopbackHost, sessionHeader } from './security';
import { serveStatic } from './static-files';

const maxBodyBytes = 1024 * 1024;

export interface HostOptions {
  /** The desk (or a single core, in tests): whatever answers the API. */
  readonly core: Pick<Core, 'invoke'>;
  readonly rendererDir: string;
  readonly token: string;
}

export interface RunningHost {
  readonly server: Server;
  readonly port: number;
  /** Open this in a browser; the token rides in the fragment so it never reaches a log. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions, port = 0): Promise<RunningHost> {
  let boundPort = 0;
  const server = createServer((req, res) => {
    handle(req, res, options, boundPort).catch(() => send(res, 500, fail('internal')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: boundPort,
    url: `http://127.0.0.1:${boundPort}/#token=${options.token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HostOptions, port: number): Promise<void> {
  if (!isLoopbackHost(req, port)) return send(res, 421, fail('api.unauthorized'));
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (!url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, fail('api.unknown-call', { name: req.method ?? '' }));
    return serveStatic(options.rendererDir, url.pathname, res);
  }
  if (req.method !== 'POST') return send(res, 405, fail('api.unknown-call', { name: url.pathname }));
  if (!hasValidToken(req, options.token)) return send(res, 401, fail('api.unauthorized'));
  const body = await readJson(req);
  if (body === invalidBody) return send(res, 400, fail('api.invalid-input', { detail: 'JSON' }));
  const session = req.headers[sessionHeader];
  const reply = await options.core.invoke(decodeURIComponent(url.pathname.slice('/api/'.length)), body, typeof session === 'string' ? session : undefined);
  send(res, reply.ok ? 200 : statusFor(reply.error.code), reply);
}

const invalidBody = Symbol('invalid body');

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return invalidBody;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return invalidBody;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidBody;
  }
}

function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'api.unknown-call':
      return 404;
    case 'api.invalid-input':
      return 400;
    case 'api.unauthorized':
      return 401;
    case 'internal':
      return 500;
    default:
      return 422;
  }
}

function fail(code: ErrorCode, params: Record<string, string> = {}): ApiResult<never> {
  return { ok: false, error: describeError(code, params) };
}

function send(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
