/*
 * Crash safety, proven with a real process and a real kill (issue #4): a writer receives
 * dossiers in durable transactions and is SIGKILLed at random moments, again and again, on the
 * same database. After every kill the database must open, pass integrity_check, hold every
 * dossier whose commit was reported (with its event and outbox entry), and hold nothing
 * half-written.
 */
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/main/services/demo/fictitious-people';
import { openStore } from '../../src/main/store/db';
import { integrityCheck } from '../../src/main/store/integrity';
import { listDossierEvents } from '../../src/main/store/repos/dossier-events';
import { findDossierByCode } from '../../src/main/store/repos/dossiers';
import { listOutboxForEntity } from '../../src/main/store/repos/outbox';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ROUNDS = 20;
const BUDGET_MS = 15_000;

let writer = '';
beforeAll(() => {
  writer = join(tempDir(), 'crash-writer.cjs');
  buildSync({
    entryPoints: [resolve('test/helpers/crash-writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});

/** Runs the writer, kills it `afterMs` after it is ready, and returns the codes it reported. */
async function runAndKill(dbPath: string, round: number, afterMs: number): Promise<{ code: string; id: string }[]> {
  // The bundle lives in a temp folder; NODE_PATH lets it find the project's native better-sqlite3.
  const child = spawn(process.execPath, [writer, dbPath, String(round)], {
    env: { ...process.env, NODE_PATH: resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const committed: { code: string; id: string }[] = [];
  const exited = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  await new Promise<void>((ready, fail) => {
    // readline yields complete lines only: a line cut by the kill is not a reported commit.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') ready();
      const [word, code, id] = line.split(' ');
      if (word === 'committed' && code !== undefined && id !== undefined) committed.push({ code, id });
    });
    void exited.then(() => fail(new Error(`writer exited early: ${stderr}`)));
  });
  await new Promise((wait) => setTimeout(wait, afterMs));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return committed;
}

describe('crash safety (SIGKILL during durable writes, real process)', () => {
  it('never loses a reported receipt and never leaves half a dossier', async () => {
    const dbPath = join(tempDir(), 'motcua.sqlite');
    const random = seededRandom(20261123);
    const reported: { code: string; id: string }[] = [];
    const started = Date.now();
    let rounds = 0;
    while (rounds < ROUNDS && Date.now() - started < BUDGET_MS) {
      reported.push(...(await runAndKill(dbPath, rounds, 20 + Math.floor(random() * 230))));
      rounds += 1;

      const store = openStore(dbPath);
      try {
        expect(store.read((db) => integrityCheck(db)).detail).toBe('ok');
        for (const { code, id } of reported) {
          const dossier = store.read((db) => findDossierByCode(db, code));
          expect(dossier?.id, `reported ${code} is missing after round ${rounds}`).toBe(id);
          expect(store.read((db) => listDossierEvents(db, id)).map((e) => e.action)).toEqual(['receive']);
          expect(store.read((db) => listOutboxForEntity(db, id))).toHaveLength(1);
        }
        const halfWritten = store.read((db) =>
          db
            .prepare(
              `SELECT count(*) FROM dossiers AS d
               WHERE NOT EXISTS (SELECT 1 FROM dossier_events AS e WHERE e.dossier_id = d.id)
                  OR NOT EXISTS (SELECT 1 FROM outbox AS o WHERE o.entity_id = d.id)`,
            )
            .pluck()
            .get(),
        );
        expect(halfWritten).toBe(0);
        // The day's counter moved exactly with the dossiers that carry its numbers.
        const counters = store.read((db) =>
          db.prepare(`SELECT s.last_sequence AS last, (SELECT count(*) FROM dossiers WHERE substr(code, 15, 6) = replace(substr(s.day, 3), '-', '')) AS n FROM dossier_sequences AS s`).all(),
        ) as { last: number; n: number }[];
        for (const c of counters) expect(c.n).toBe(c.last);
      } finally {
        store.close();
      }
    }
    expect(rounds).toBeGreaterThanOrEqual(5);
    expect(reported.length).toBeGreaterThan(0);
  }, 60_000);
});
