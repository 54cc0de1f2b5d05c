import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { A4, type ScannedPage, type ScanOptions } from '../scanner';
import { SaneScanner } from './sane-scanner';
import { useSaneTestBackend } from './sane-test-config';

/** Drains a batch: per page its header and how many bytes arrived. */
async function collect(pages: AsyncIterable<ScannedPage>, onPage?: (i: number) => void) {
  const got: { width: number; height: number; channels: number; bytes: number }[] = [];
  for await (const page of pages) {
    if (page.kind !== 'raw') throw new Error('SANE pages are raw');
    let bytes = 0;
    for await (const rows of page.rows) bytes += rows.length;
    got.push({ width: page.header.width, height: page.header.height, channels: page.header.channels, bytes });
    onPage?.(page.index);
  }
  return got;
}

const base: ScanOptions = { source: 'flatbed', resolution: 50, colorMode: 'gray', pageSize: A4 };

describe('SANE driver against the real libsane test backend', () => {
  const scanner = new SaneScanner();
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('lists the test devices with a driver label', async () => {
    const devices = await scanner.listDevices();
    expect(devices.map((d) => d.id)).toEqual(['sane:test:0', 'sane:test:1']);
    expect(devices[0]?.label).toBe('Noname frontend-tester (SANE)');
  });

  it('reads capabilities: sources, resolutions, colour modes, page sizes', async () => {
    const session = await scanner.open('sane:test:0');
    try {
      const caps = await session.capabilities();
      expect(caps.sources).toEqual(['flatbed', 'adf']);
      expect(caps.colorModes).toEqual(['color', 'gray']);
      expect(caps.resolutions).toContain(300);
      expect(caps.maxWidthMm).toBe(200);
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('scans one flatbed page in gray with whole rows and no padding', async () => {
    const session = await scanner.open('sane:test:0');
    try {
      const pages = await collect(session.scan({ ...base, extra: { 'test-picture': 'Grid' } }));
      expect(pages).toHaveLength(1);
      const p = pages[0]!;
      expect(p.channels).toBe(1);
      // The test backend's area is 200 mm wide at most: 200 mm at 50 dpi.
      expect(p.width).toBe(Math.floor((200 / 25.4) * 50));
      expect(p.bytes).toBe(p.width * p.height);
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('scans an ADF batch in colour until the feeder is out of documents', async () => {
    const session = await scanner.open('sane:test:1');
    try {
      const pages = await collect(session.scan({ ...base, source: 'adf', colorMode: 'color' }));
      expect(pages.length).toBe(10);
      expect(pages.every((p) => p.channels === 3 && p.bytes === p.width * p.height * 3)).toBe(true);
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('cancels mid-batch, releases the handle, and the device opens again', async () => {
    const controller = new AbortController();
    const session = await scanner.open('sane:test:0');
    let scanned = 0;
    try {
      await expect(
        collect(session.scan({ ...base, source: 'adf' }, controller.signal), () => {
          scanned++;
          if (scanned === 2) controller.abort();
        }),
      ).rejects.toMatchObject({ code: 'scanner.cancelled' });
    } finally {
      await session[Symbol.asyncDispose]();
    }
    expect(scanned).toBe(2);
    const again = await scanner.open('sane:test:0');
    try {
      expect(await collect(again.scan(base))).toHaveLength(1);
    } finally {
      await again[Symbol.asyncDispose]();
    }
  });

  it('turns a jam reported by the device into the clerk’s paper-jam error', async () => {
    const session = await scanner.open('sane:test:0');
    try {
      const extra = { 'enable-test-options': 1, 'read-return-value': 'SANE_STATUS_JAMMED' };
      const error = await collect(session.scan({ ...base, extra })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).toApiError().message.vi).toContain('kẹt giấy');
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('reports an empty feeder as no-paper when a batch finds no page at all', async () => {
    const session = await scanner.open('sane:test:1');
    try {
      // The test backend's feeder holds ten pages: take exactly ten, then the next batch finds it empty.
      expect(await collect(session.scan({ ...base, source: 'adf', maxPages: 10 }))).toHaveLength(10);
      const error = await collect(session.scan({ ...base, source: 'adf' })).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'scanner.no-paper' });
      expect((error as AppError).toApiError().message.vi).toContain('Khay nạp giấy không có giấy');
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('keeps an open session working while another driver instance lists devices (one sane_exit per process)', async () => {
    const session = await scanner.open('sane:test:0');
    try {
      expect(await new SaneScanner().listDevices()).toHaveLength(2);
      expect(await collect(session.scan(base))).toHaveLength(1);
    } finally {
      await session[Symbol.asyncDispose]();
    }
  });

  it('refuses an unknown device with the no-device error', async () => {
    await expect(scanner.open('sane:test:9')).rejects.toMatchObject({ code: 'scanner.no-device' });
  });
});
