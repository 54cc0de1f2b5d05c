import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { scanToPdf } from './scan-to-pdf';

/** Width, height and colour components from a JPEG's frame header. */
function jpegSize(bytes: Uint8Array): { width: number; height: number; components: number } {
  // Walk the JPEG markers to the SOF0/SOF2 frame header.
  for (let i = 2; i < bytes.length; ) {
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (marker === 0xc0 || marker === 0xc2) {
      return { height: ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0), width: ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0), components: bytes[i + 9] ?? 0 };
    }
    i += 2 + length;
  }
  throw new Error('no frame header');
}

describe('scan to PDF', () => {
  it('embeds gray and colour JPEGs unchanged (pdfimages: jpeg, sizes match) with the rotation as /Rotate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
    // Real JPEGs from poppler's renderer (sharp may not be imported under documents/).
    const seed = await PDFDocument.create();
    seed.addPage([300, 400]);
    writeFileSync(join(dir, 'seed.pdf'), await seed.save());
    execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-gray', join(dir, 'seed.pdf'), join(dir, 'gray')]);
    execFileSync('pdftoppm', ['-jpeg', '-r', '100', join(dir, 'seed.pdf'), join(dir, 'colour')]);
    const gray = join(dir, 'gray-1.jpg');
    const colour = join(dir, 'colour-1.jpg');

    const pdf = await scanToPdf(
      [
        { jpeg: gray, rotation: 0 },
        { jpeg: colour, rotation: 90 },
      ],
      { title: 'Giấy khai sinh', date: new Date('2026-11-23T00:00:00Z') },
    );
    const out = join(dir, 'doc.pdf');
    writeFileSync(out, pdf);

    const list = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    const rows = list.map((l) => l.trim().split(/\s+/));
    const g = jpegSize(readFileSync(gray));
    const c = jpegSize(readFileSync(colour));
    expect(rows.map((r) => [r[3], r[4], r[5], r[8]])).toEqual([
      [String(g.width), String(g.height), g.components === 1 ? 'gray' : 'rgb', 'jpeg'],
      [String(c.width), String(c.height), 'rgb', 'jpeg'],
    ]);
    // Byte for byte the same streams: nothing was re-encoded.
    execFileSync('pdfimages', ['-j', out, join(dir, 'x')]);
    expect(readFileSync(join(dir, 'x-000.jpg')).equals(readFileSync(gray))).toBe(true);
    expect(readFileSync(join(dir, 'x-001.jpg')).equals(readFileSync(colour))).toBe(true);
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPages().map((p) => p.getRotation().angle)).toEqual([0, 90]);
    expect(loaded.getTitle()).toBe('Giấy khai sinh');
  });
});
