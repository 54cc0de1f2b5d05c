/*
 * A commune PC as a child process for the fault tests (bundled by the test, run inside a network
 * namespace or under libfaketime): a real SQLite store in its folder and the production
 * SyncScheduler. It enrols once with its code, then receives dossiers in small bursts until the
 * folder holds `target` of them (every fifth also transferred, so dossiers carry two events; every
 * `pageEvery`-th gets a scanned page of 20–300 KB for the attachments lane), and tells the
 * scheduler after each burst as the core does after an API call. Every 200 ms it prints one JSON
 * status line. `stop` on stdin disposes the scheduler and exits.
 *
 * `killAfterPushes: k` is a failpoint: the process SIGKILLs itself the moment the k-th push answer
 * has arrived, after the hub committed and before the PC marked the rows sent (sync.md §6.4).
 * Calls time out after `timeoutMs`, shorter than production's 60 s, so partitions pass quickly.
 *
 * Usage: node netns-pc.cjs '<json config>'
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { getSyncState } from '../../src/main/store/repos/sync-state';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { CURSOR_KEY } from '../../src/sync/apply-pull';
import { SyncScheduler } from '../../src/sync/scheduler';
import { openTestStore } from './dossier-fixtures';
import { addScannedPage, fakeScan } from './sync-attachments';
import { receiveInto, transitionIn } from './sync-pc';

/** What the test passes. */
export interface NetnsPcConfig {
  readonly dir: string;
  readonly hubUrl: string;
  readonly code: string;
  /** Which PC (1 or 2): its dossier codes use its own day so codes never collide. */
  readonly pc: number;
  readonly target: number;
  readonly burst: number;
  readonly burstEveryMs: number;
  readonly timeoutMs: number;
  readonly killAfterPushes?: number;
  /** Every n-th dossier gets a scanned page; none without it. */
  readonly pageEvery?: number;
}

/** One status line. */
export interface NetnsPcStatus {
  readonly written: number;
  readonly waiting: number;
  readonly attachmentsWaiting: number;
  readonly cursor: number | null;
  readonly state: string;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly clockOffsetMs: number | null;
  readonly clockWarning: string | null;
  readonly now: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as NetnsPcConfig;
const store = openTestStore(config.dir);
let pushes = 0;

const fetchWithFaults = async (url: string, init: RequestInit): Promise<Response> => {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const res = await fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  if (config.killAfterPushes === undefined || !url.includes('/v1/push') || !res.ok) return res;
  const body = await res.arrayBuffer();
  pushes += 1;
  if (pushes >= config.killAfterPushes) process.kill(process.pid, 'SIGKILL');
  return new Response(body, { status: res.status, headers: res.headers });
};

const scheduler = new SyncScheduler(store, {
  fetch: fetchWithFaults,
  intervalMs: 400,
  debounceMs: 50,
  startJitterMs: 0,
  backoff: { baseMs: 50, capMs: 800 },
  offlineAfter: 3,
  probeMs: [100, 300],
  deviceName: `PC ${config.pc}`,
  // Held pulls must end before the short call timeout above, or every hold would count as lost.
  longPollS: Math.max(1, Math.floor(config.timeoutMs / 2000)),
  // Chunks of 64 KiB so the link's cuts land inside files, not only between them.
  attachments: { pagesDir: join(config.dir, 'pages'), slipsDir: join(config.dir, 'slips'), intervalMs: 300, chunkBytes: 64 * 1024 },
});

function status(): NetnsPcStatus {
  const s = scheduler.status();
  return store.read((db) => {
    const cursor = getSyncState(db, CURSOR_KEY);
    return {
      written: countMine(),
      waiting: countUnsentOutbox(db),
      attachmentsWaiting: s.attachmentsWaiting,
      cursor: typeof cursor === 'number' ? cursor : null,
      state: s.state,
      lastAttemptAt: s.lastAttemptAt,
      lastSuccessAt: s.lastSuccessAt,
      lastError: s.lastError?.code ?? null,
      clockOffsetMs: s.clockOffsetMs,
      clockWarning: s.clockWarning?.code ?? null,
      now: new Date().toISOString(),
    };
  });
}

const day = `2611${String(20 + config.pc).padStart(2, '0')}`;
/** Dossiers this PC made (its codes carry its own day); pulled ones from the other PC do not count. */
function countMine(): number {
  return store.read((db) => db.prepare('SELECT count(*) AS n FROM dossiers WHERE code LIKE ?').get(`%-${day}-%`) as { n: number }).n;
}

function burst(): void {
  const have = countMine();
  const n = Math.min(config.burst, config.target - have);
  if (n <= 0) return;
  const made = receiveInto(store, n, (i) => {
    const serial = String(have + i + 1).padStart(4, '0');
    return { id: uuidv7(Date.now()), code: `000.00.00.X99-${day}-${serial}`, applicantIdNumber: `0012009${config.pc}${serial}` };
  });
  for (const d of made.filter((_, i) => (have + i) % 5 === 0)) transitionIn(store, d.id, 'transfer', 'transferred');
  scanMissingPages();
  scheduler.noteLocalWrite();
}

/**
 * Scans the page of every `pageEvery`-th own dossier that has none yet, its bytes fixed by the
 * dossier's serial: after a crash between a receipt and its scan, the clerk scans it again.
 */
function scanMissingPages(): void {
  const every = config.pageEvery;
  if (every === undefined) return;
  const unscanned = store.read(
    (db) =>
      db
        .prepare('SELECT id, code FROM dossiers d WHERE code LIKE ? AND NOT EXISTS (SELECT 1 FROM documents doc JOIN pages p ON p.document_id = doc.id WHERE doc.dossier_id = d.id)')
        .all(`%-${day}-%`) as { id: string; code: string }[],
  );
  for (const d of unscanned) {
    const serial = Number(d.code.slice(-4)) - 1;
    if (serial % every !== 0) continue;
    const seed = config.pc * 1_000_000 + serial;
    addScannedPage({ dir: config.dir, store }, d.id, fakeScan(20_000 + (seed % 28) * 10_000, seed));
  }
}

async function main(): Promise<void> {
  if (scheduler.status().state === 'not-enrolled') {
    for (;;) {
      try {
        await scheduler.enrol({ hubUrl: config.hubUrl, code: config.code });
        break;
      } catch (error) {
        process.stderr.write(`enrol failed: ${(error as Error).message}\n`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  scanMissingPages();
  scheduler.start();
  const writer = setInterval(burst, config.burstEveryMs);
  const reporter = setInterval(() => process.stdout.write(`${JSON.stringify(status())}\n`), 200);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'stop') return;
    clearInterval(writer);
    clearInterval(reporter);
    void scheduler.dispose().then(() => {
      store.close();
      process.exit(0);
    });
  });
}

void main();
