/**
 * The pull with `wait` (sync.md §4.5): when nothing follows the cursor, the answer is held until
 * the commune's feed moves (a NOTIFY at commit, see `feed-notifier.ts`), `waitS` passes, the PC
 * hangs up or the hub closes; the feed is re-read at least every `RECHECK_MS` meanwhile.
 */
import type { PullResponse } from '../sync/protocol/messages';
import type { HubDb } from './db/db';
import type { FeedNotifier } from './feed-notifier';
import { readPull } from './pull';

/** A waiting pull re-reads its feed this often even without a wake-up (a lost LISTEN session). */
export const RECHECK_MS = 10_000;

/** Reads a page; an empty one waits for a change as described above. */
export async function readPullWaiting(
  db: HubDb,
  notifier: FeedNotifier,
  q: { readonly communeId: string; readonly cursor: number | undefined; readonly limit: number; readonly waitS: number },
  signal: AbortSignal,
): Promise<PullResponse> {
  const deadline = Date.now() + q.waitS * 1000;
  for (;;) {
    const ticket = notifier.ticket(q.communeId);
    const page = await readPull(db, q.communeId, q.cursor, q.limit);
    const left = deadline - Date.now();
    if (page.kind !== 'page' || page.items.length > 0 || left <= 0 || signal.aborted || notifier.closed) return page;
    await ticket.wait(Math.min(RECHECK_MS, left), signal);
  }
}
