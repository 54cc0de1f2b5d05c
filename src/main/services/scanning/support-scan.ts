/**
 * Support staff's scan: one batch from a device straight into a PDF file, through the same
 * pipeline as the counter (pages stream to disk, normalised JPEGs, embedded unchanged), without
 * touching any dossier. Used by the CLI's `scan` command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageFilePath } from '../../devices/scanner/pipeline/page-files';
import { processPage } from '../../devices/scanner/pipeline/page-pipeline';
import type { Scanner, ScanOptions } from '../../devices/scanner/scanner';
import { scanToPdf } from '../../documents/scan-to-pdf';

export interface SupportScanResult {
  readonly pages: number;
  readonly blankPages: number;
  readonly bytes: number;
}

/** Scans with `driver`'s device `deviceId` and writes every page (blank ones too) to `outPath`. */
export async function scanToFile(
  driver: Scanner,
  deviceId: string,
  options: ScanOptions,
  outPath: string,
  onPage: (index: number) => void = () => undefined,
): Promise<SupportScanResult> {
  const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-scan-'));
  try {
    const shas: { sha256: string; blank: boolean }[] = [];
    const session = await driver.open(deviceId);
    try {
      for await (const page of session.scan(options)) {
        const processed = await processPage(page, { pagesDir, colorMode: options.colorMode });
        shas.push(processed);
        onPage(page.index);
      }
    } finally {
      await session[Symbol.asyncDispose]();
    }
    const pdf = await scanToPdf(shas.map((p) => ({ jpeg: pageFilePath(pagesDir, p.sha256), rotation: 0 })));
    writeFileSync(outPath, pdf);
    return { pages: shas.length, blankPages: shas.filter((p) => p.blank).length, bytes: pdf.length };
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
}
