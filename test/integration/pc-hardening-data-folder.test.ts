/**
 * PC hardening (issue 13): on Linux the data folder holds citizens' papers, so only the account
 * the app runs as may enter it. A folder left wider (an older version, a copy, a umask of 0) is
 * tightened to 0700 when the core starts, with its subfolders; folders the app makes are 0700.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivateDir, tightenDataFolder } from '../../src/main/services/settings/data-dir';
import { openCounterCore } from '../helpers/counter-core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data folder permissions (POSIX)', () => {
  it('tightens an existing data folder and its subfolders to 0700 when the core starts', async () => {
    const root = join(tempDir(), 'Motcua Desk');
    const subfolders = ['pages', 'slips', 'backups', 'exports', 'training'];
    for (const sub of ['', ...subfolders]) {
      mkdirSync(join(root, sub), { recursive: true });
      chmodSync(join(root, sub), 0o755);
    }
    chmodSync(join(root, 'slips'), 0o777);
    const t = await openCounterCore(root);
    try {
      for (const sub of ['', ...subfolders]) expect([sub, modeOf(join(root, sub))]).toEqual([sub, 0o700]);
    } finally {
      t.close();
    }
  });

  it('tightens the root of a training sandbox too, and makes new folders 0700 whatever the umask', () => {
    const root = join(tempDir(), 'Motcua Desk');
    mkdirSync(join(root, 'training', 'pages'), { recursive: true });
    for (const dir of [root, join(root, 'training'), join(root, 'training', 'pages')]) chmodSync(dir, 0o775);
    tightenDataFolder(join(root, 'training'));
    expect([modeOf(root), modeOf(join(root, 'training')), modeOf(join(root, 'training', 'pages'))]).toEqual([0o700, 0o700, 0o700]);

    const previous = process.umask(0);
    try {
      makePrivateDir(join(root, 'exports'));
    } finally {
      process.umask(previous);
    }
    expect(modeOf(join(root, 'exports'))).toBe(0o700);
  });
});
