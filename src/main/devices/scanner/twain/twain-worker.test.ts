import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageFilePath } from '../pipeline/page-files';
import { processPage } from '../pipeline/page-pipeline';
import { A4, type ScanOptions } from '../scanner';
import { buildTwainWorker, compileFakeDsm, workerNodePath } from './fake-dsm-build';
import { TwainWorkerScanner } from './twain-worker-scanner';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('TWAIN worker process against a fake TWAIN DSM (no TWAIN on Linux)', () => {
  let workerPath = '';
  let dsmPath = '';
  const open: TwainWorkerScanner[] = [];
  beforeAll(() => {
    dsmPath = compileFakeDsm();
    workerPath = buildTwainWorker();
  });
  afterEach(async () => {
    for (const scanner of open.splice(0)) await scanner[Symbol.asyncDispose]();
  });
  const scannerWith = (pages: number) => {
    const scanner = new TwainWorkerScanner({ workerPath, dsmPath, env: { ...process.env, NODE_PATH: workerNodePath, FAKE_TWAIN_PAGES: String(pages) } });
    open.push(scanner);
    return scanner;
  };
  const adf: ScanOptions = { source: 'adf', colorMode: 'gray', resolution: 200, pageSize: A4 };

  it('lists the source and scans a feeder batch; each page crosses as a spool file the pipeline turns into a JPEG', async () => {
    const scanner = scannerWith(3);
    expect((await scanner.listDevices()).map((d) => d.label)).toEqual(['Fake TWAIN Scanner (TWAIN)']);
    const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-twain-pages-'));
    const session = await scanner.open('twain:Fake TWAIN Scanner');
    const stored: { sha256: string; width: number; height: number }[] = [];
    try {
      expect((await session.capabilities()).sources).toContain('adf');
      for await (const page of session.scan(adf)) {
        expect(page.kind).toBe('spooled');
        const spool = page.kind === 'spooled' ? page.file.path : '';
        stored.push(await processPage(page, { pagesDir, colorMode: 'gray' }));
        expect(existsSync(spool)).toBe(false);
      }
    } finally {
      await session[Symbol.asyncDispose]();
    }
    expect(stored.map((p) => [p.width, p.height])).toEqual([[170, 220], [170, 220], [170, 220]]);
    // A JPEG (SOI marker); its channels are the pipeline test's business.
    expect([...readFileSync(pageFilePath(pagesDir, stored[0]!.sha256)).subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('turns the worker dying mid-batch into scanner.driver-crashed, keeps the page already stored, and forks a new worker next time', async () => {
    const scanner = scannerWith(5);
    const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-twain-pages-'));
    const session = await scanner.open('twain:Fake TWAIN Scanner');
    const first = scanner.workerPid!;
    const stored: string[] = [];
    const scanning = (async () => {
      for await (const page of session.scan(adf)) {
        stored.push((await processPage(page, { pagesDir, colorMode: 'gray' })).sha256);
        process.kill(first, 'SIGKILL');
      }
    })();
    await expect(scanning).rejects.toMatchObject({ code: 'scanner.driver-crashed' });
    await session[Symbol.asyncDispose]();
    expect(stored).toHaveLength(1);
    expect(existsSync(pageFilePath(pagesDir, stored[0]!))).toBe(true);
    expect((await scanner.listDevices()).map((d) => d.id)).toEqual(['twain:Fake TWAIN Scanner']);
    expect(scanner.workerPid).not.toBe(first);
  });

  it('cancels mid-batch at the worker, which stays usable; disposing the driver ends the worker', async () => {
    const scanner = scannerWith(5);
    const session = await scanner.open('twain:Fake TWAIN Scanner');
    const controller = new AbortController();
    let pages = 0;
    const scanning = (async () => {
      for await (const page of session.scan(adf, controller.signal)) {
        void page;
        if (++pages === 2) controller.abort();
      }
    })();
    await expect(scanning).rejects.toMatchObject({ code: 'scanner.cancelled' });
    expect(pages).toBe(2);
    let again = 0;
    for await (const page of session.scan({ ...adf, source: 'flatbed' })) again += page.index + 1;
    expect(again).toBe(1);
    await session[Symbol.asyncDispose]();
    const pid = scanner.workerPid!;
    await scanner[Symbol.asyncDispose]();
    expect(alive(pid)).toBe(false);
  });
});
