/**
 * The browser host opens a root data folder (issue 12), whose `training/` holds the sandbox. The
 * bench database is lent to such a root as its training copy (moved in and back by rename, with
 * its WAL files, never copied), so the host benches run on the same seeded data as the rest.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFileName } from '../src/main/services/core';
import { folderOf, writeActiveProfile } from '../src/main/services/desk/folders';

/**
 * Runs `work` on a host root whose training copy is the database of `dataDir` (moved, with its
 * WAL files, by rename), and puts it back afterwards, so later rows find it where it was.
 */
export async function lentAsTraining<T>(dataDir: string, work: (root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'motcua-bench-host-'));
  const training = folderOf(root, 'training');
  mkdirSync(training, { recursive: true });
  const files = (dir: string) => readdirSync(dir).filter((f) => f === databaseFileName || f.startsWith(`${databaseFileName}-`));
  for (const f of files(dataDir)) renameSync(join(dataDir, f), join(training, f));
  writeActiveProfile(root, 'training');
  try {
    return await work(root);
  } finally {
    for (const f of files(training)) renameSync(join(training, f), join(dataDir, f));
    rmSync(root, { recursive: true, force: true });
  }
}

