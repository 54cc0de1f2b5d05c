import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { A4, type ScannedPage, type ScanOptions } from '../scanner';
import { compileFakeDsm } from './fake-dsm-build';
import { fakeDsmLiveContainers, fakeDsmState } from './fake-dsm-ffi';
import { structSizes } from './twain-ffi';
import { TwainScanner } from './twain-scanner';

async function collect(pages: AsyncIterable<ScannedPage>) {
  const out: { width: number; bytes: number; channels: number }[] = [];
  for await (const page of pages) {
    if (page.kind !== 'raw') throw new Error('memory transfer gives raw pages');
    let bytes = 0;
    for await (const rows of page.rows) bytes += rows.length;
    out.push({ width: page.header.width, bytes, channels: page.header.channels });
  }
  return out;
}

describe('TWAIN driver through koffi (fake TWAIN DSM compiled by the test)', () => {
  let dsmPath = '';
  let state: () => number = () => 0;
  let containers: () => number = () => 0;
  beforeAll(() => {
    dsmPath = compileFakeDsm();
    state = fakeDsmState(dsmPath);
    containers = fakeDsmLiveContainers(dsmPath);
  });
  const options: ScanOptions = { source: 'adf', colorMode: 'gray', resolution: 200, pageSize: A4 };

  it('lays the structs out as twain.h packs them (pack 2)', () => {
    expect(structSizes()).toEqual({ TW_IDENTITY: 156, TW_CAPABILITY: 12, TW_ONEVALUE: 6, TW_USERINTERFACE: 12, TW_IMAGEMEMXFER: 42, TW_PENDINGXFERS: 6, TW_EVENT: 10, TW_ENTRYPOINT: 44 });
  });

  it('lists the source and closes the DSM again', async () => {
    const devices = await new TwainScanner(dsmPath).listDevices();
    expect(devices.map((d) => [d.id, d.label, d.vendor])).toEqual([['twain:Fake TWAIN Scanner', 'Fake TWAIN Scanner (TWAIN)', 'Motcua Test']]);
    expect(state()).toBe(1);
  });

  it('scans the feeder by memory transfer, gray and colour, and steps down to state 1', async () => {
    process.env.FAKE_TWAIN_PAGES = '3';
    const scanner = new TwainScanner(dsmPath);
    const session = await scanner.open('twain:Fake TWAIN Scanner');
    try {
      // The DSM is open once per application: with a session open, listing goes through it.
      expect((await scanner.listDevices()).map((d) => d.id)).toEqual(['twain:Fake TWAIN Scanner']);
      const gray = await collect(session.scan(options));
      expect(gray).toEqual([0, 1, 2].map(() => ({ width: 170, bytes: 170 * 220, channels: 1 })));
      const colour = await collect(session.scan({ ...options, source: 'flatbed', colorMode: 'color' }));
      expect(colour).toEqual([{ width: 170, bytes: 170 * 220 * 3, channels: 3 }]);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    expect(state()).toBe(1);
  });

  it('turns TWCC_PAPERJAM into the paper-jam error and TWCC_NOMEDIA into no-paper, releasing the source', async () => {
    process.env.FAKE_TWAIN_JAM_PAGE = '2';
    const jammed = await new TwainScanner(dsmPath).open('twain:Fake TWAIN Scanner');
    try {
      await expect(collect(jammed.scan(options))).rejects.toMatchObject({ code: 'scanner.paper-jam' });
    } finally {
      await jammed[Symbol.asyncDispose]();
    }
    delete process.env.FAKE_TWAIN_JAM_PAGE;
    process.env.FAKE_TWAIN_PAGES = '0';
    const empty = await new TwainScanner(dsmPath).open('twain:Fake TWAIN Scanner');
    try {
      await expect(collect(empty.scan(options))).rejects.toMatchObject({ code: 'scanner.no-paper' });
    } finally {
      await empty[Symbol.asyncDispose]();
    }
    expect(state()).toBe(1);
  });

  it('reads capabilities from the source (MSG_GET through the DSM’s memory functions) and frees every container', async () => {
    process.env.FAKE_TWAIN_PAGES = '1';
    const session = await new TwainScanner(dsmPath).open('twain:Fake TWAIN Scanner');
    try {
      expect(await session.capabilities()).toEqual({
        sources: ['flatbed', 'adf'],
        resolutions: [100, 150, 200, 300, 600],
        colorModes: ['color', 'gray', 'bw'],
        pageSizes: [
          { name: 'A4', widthMm: 210, heightMm: 297 },
          { name: 'A5', widthMm: 148, heightMm: 210 },
          { name: 'Letter', widthMm: 215.9, heightMm: 279.4 },
        ],
        maxWidthMm: 215.9,
        maxHeightMm: 355.6,
      });
      expect(await collect(session.scan(options))).toHaveLength(1);
    } finally {
      await session[Symbol.asyncDispose]();
    }
    // Both the source's containers (MSG_GET) and ours (MSG_SET) went back to the DSM.
    expect(containers()).toBe(0);
    expect(state()).toBe(1);
  });

  it('transfers natively (a DIB handle) and by file (a BMP) the same pixels as memory transfer, gray and colour, freeing handle and file', async () => {
    async function pixels(scanOptions: ScanOptions): Promise<Buffer[]> {
      process.env.FAKE_TWAIN_PAGES = '2';
      const session = await new TwainScanner(dsmPath).open('twain:Fake TWAIN Scanner');
      const pages: Buffer[] = [];
      try {
        for await (const page of session.scan(scanOptions)) {
          if (page.kind !== 'raw') throw new Error('both transfers give raw pages');
          const chunks: Uint8Array[] = [];
          for await (const rows of page.rows) chunks.push(rows);
          pages.push(Buffer.concat(chunks));
        }
      } finally {
        await session[Symbol.asyncDispose]();
      }
      return pages;
    }
    for (const colorMode of ['gray', 'color'] as const) {
      const memory = await pixels({ ...options, colorMode });
      for (const transfer of ['native', 'file']) {
        const other = await pixels({ ...options, colorMode, extra: { transfer } });
        expect(other.map((p) => p.length)).toEqual([170 * 220 * (colorMode === 'color' ? 3 : 1), 170 * 220 * (colorMode === 'color' ? 3 : 1)]);
        expect(other.map((p, i) => p.equals(memory[i]!))).toEqual([true, true]);
      }
    }
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`motcua-twain-${process.pid}-`))).toEqual([]);
    expect(containers()).toBe(0);
    expect(state()).toBe(1);
  });

  it('refuses a source that is not installed', async () => {
    await expect(new TwainScanner(dsmPath).open('twain:Nope')).rejects.toMatchObject({ code: 'scanner.no-device' });
    expect(state()).toBe(1);
  });
});
