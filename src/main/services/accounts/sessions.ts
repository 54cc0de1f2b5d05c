/**
 * Sessions live in the core's memory only: a restart signs everyone out, which is what a shared
 * counter PC wants. A session idle for longer than `idleMs` locks (the screen lock of
 * DESIGN §7); it unlocks with the same account's password, never by a new login of another.
 */
import { randomBytes } from 'node:crypto';
import { SESSION_IDLE_MS, type SessionUser } from '../../../shared/api/accounts';
import type { Clock } from '../clock';

interface Entry {
  user: SessionUser;
  lastSeenMs: number;
  locked: boolean;
  /** The account as it was when the session opened (role, active, password hash): see `accountStamp`. */
  stamp: string;
  mustChangePassword: boolean;
}

export type SessionCheck =
  | { readonly kind: 'none' }
  /** The account changed since sign-in (disabled, new role or password, here or from the hub): the session is gone. */
  | { readonly kind: 'ended' }
  | { readonly kind: 'locked'; readonly user: SessionUser; readonly mustChangePassword: boolean }
  | { readonly kind: 'active'; readonly user: SessionUser; readonly mustChangePassword: boolean };

/**
 * What a session must still match on every call. An administrator's change on this PC, or one
 * pulled from the hub, changes it, so the account's open sessions on every PC close at their
 * next call after the change arrives, without anyone tracking tokens across PCs.
 */
export function accountStamp(account: { readonly role: string; readonly active: boolean; readonly passwordHash: string }): string {
  return `${account.role}|${account.active ? 1 : 0}|${account.passwordHash}`;
}

/** Reads an account's current stamp (undefined when it no longer exists). */
export type StampReader = (userId: string) => string | undefined;

export const defaultIdleMs = SESSION_IDLE_MS;

export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMs = defaultIdleMs,
    private readonly currentStamp: StampReader = () => undefined,
  ) {}

  open(user: SessionUser, stamp: string, mustChangePassword = false): string {
    const token = randomBytes(24).toString('base64url');
    this.entries.set(token, { user, lastSeenMs: this.clock.now().getTime(), locked: false, stamp, mustChangePassword });
    return token;
  }

  /** After the person changed their own password in this session: it stays open with the new stamp. */
  renew(token: string, stamp: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    entry.stamp = stamp;
    entry.mustChangePassword = false;
  }

  close(token: string | undefined): void {
    if (token !== undefined) this.entries.delete(token);
  }

  /** Looks the token up; an active session's idle timer restarts, an idle one locks now. */
  check(token: string | undefined): SessionCheck {
    const entry = token === undefined ? undefined : this.entries.get(token);
    if (!entry || token === undefined) return { kind: 'none' };
    if (this.currentStamp(entry.user.id) !== entry.stamp) {
      this.entries.delete(token);
      return { kind: 'ended' };
    }
    const now = this.clock.now().getTime();
    if (!entry.locked && now - entry.lastSeenMs > this.idleMs) entry.locked = true;
    if (entry.locked) return { kind: 'locked', user: entry.user, mustChangePassword: entry.mustChangePassword };
    entry.lastSeenMs = now;
    return { kind: 'active', user: entry.user, mustChangePassword: entry.mustChangePassword };
  }

  unlock(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    entry.locked = false;
    entry.lastSeenMs = this.clock.now().getTime();
  }

  /** Drops every session of an account (password changed, account disabled). */
  closeAllOf(userId: string, except?: string): void {
    for (const [token, entry] of this.entries) if (entry.user.id === userId && token !== except) this.entries.delete(token);
  }
}
