import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Same policy as the Electron window: our own scripts only, no framing, no plugins. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const tokenHeader = 'x-motcua-token';
/** The signed-in session, separate from the launch token: one proves the page, the other the person. */
export const sessionHeader = 'x-motcua-session';

/** A fresh secret per launch; it reaches the page only in the URL fragment, never in a request line. */
export function newLaunchToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const given = req.headers[tokenHeader];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A page on another site could point a DNS name at 127.0.0.1 (DNS rebinding); answering only
 * requests addressed to a loopback host name shuts that door.
 */
export function isLoopbackHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
