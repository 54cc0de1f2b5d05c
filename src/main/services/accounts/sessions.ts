/**
 * Sessions live in the core's memory only: a restart signs everyone out, which is what a shared
 * counter PC wants. A session idle for longer than `idleMs` locks (the screen lock of
 * DESIGN §7); it unlocks with the same account's password, never by a new login of another.
 */
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../shared/api/accounts';
import type { Clock } from '../clock';

interface Entry {
  user: SessionUser;
  lastSeenMs: number;
  locked: boolean;
}

export type SessionCheck =
  | { readonly kind: 'none' }
  | { readonly kind: 'locked'; readonly user: SessionUser }
  | { readonly kind: 'active'; readonly user: SessionUser };

export const defaultIdleMs = 15 * 60_000;

export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMs = defaultIdleMs,
  ) {}

  open(user: SessionUser): string {
    const token = randomBytes(24).toString('base64url');
    this.entries.set(token, { user, lastSeenMs: this.clock.now().getTime(), locked: false });
    return token;
  }

  close(token: string | undefined): void {
    if (token !== undefined) this.entries.delete(token);
  }

  /** Looks the token up; an active session's idle timer restarts, an idle one locks now. */
  check(token: string | undefined): SessionCheck {
    const entry = token === undefined ? undefined : this.entries.get(token);
    if (!entry) return { kind: 'none' };
    const now = this.clock.now().getTime();
    if (!entry.locked && now - entry.lastSeenMs > this.idleMs) entry.locked = true;
    if (entry.locked) return { kind: 'locked', user: entry.user };
    entry.lastSeenMs = now;
    return { kind: 'active', user: entry.user };
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
