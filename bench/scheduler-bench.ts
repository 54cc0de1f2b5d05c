/**
 * How long the sync scheduler holds the core's event loop (7b). better-sqlite3 is synchronous,
 * so every store call made while syncing blocks the clerk's screen for its duration; the longest
 * is what a clerk could feel. A fresh PC enrols and pulls the commune's whole feed through
 * `SyncScheduler.syncNow`, exactly as the status badge's "sync now" does, with every call timed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../src/main/store/db';
import { SyncScheduler } from '../src/sync/scheduler';

function timedStore(store: Store, held: number[]): Store {
  const timed = <T>(call: () => T): T => {
    const started = performance.now();
    try {
      return call();
    } finally {
      held.push(performance.now() - started);
    }
  };
  return { ...store, read: (fn) => timed(() => store.read(fn)), write: (fn, options) => timed(() => store.write(fn, options)) };
}

/** Enrols a new PC in `dir` with `code` and pulls everything; returns each store call's duration (ms) and the total. */
export async function schedulerPullHeld(hubUrl: string, code: string, dir: string): Promise<{ held: number[]; totalMs: number; dossiers: number }> {
  mkdirSync(dir, { recursive: true });
  const store = openStore(join(dir, 'motcua.sqlite'));
  const held: number[] = [];
  const scheduler = new SyncScheduler(timedStore(store, held), { deviceName: 'bench scheduler' });
  try {
    await scheduler.enrol({ hubUrl, code });
    held.length = 0;
    const started = performance.now();
    const status = await scheduler.syncNow();
    const totalMs = performance.now() - started;
    if (status.lastError !== null) throw new Error(`scheduler sync failed: ${status.lastError.code}`);
    const dossiers = store.read((db) => (db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n);
    return { held, totalMs, dossiers };
  } finally {
    await scheduler.dispose();
    store.close();
  }
}
