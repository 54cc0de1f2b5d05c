/**
 * The settings screen's "Quét thử" (test scan): one flatbed page through the counter's pipeline,
 * into a scratch folder that is removed again, so a clerk can check a scanner without creating a
 * dossier or leaving files behind. Only the thumbnail travels back to the screen.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { thumbFilePath } from '../../devices/scanner/pipeline/page-files';
import { processPage } from '../../devices/scanner/pipeline/page-pipeline';
import { A4, type Scanner } from '../../devices/scanner/scanner';

export interface TestScanResult {
  readonly width: number;
  readonly height: number;
  readonly blank: boolean;
  readonly thumbnail: Buffer;
}

/** A low resolution is enough to see that the scanner feeds, lights and transfers. */
const TEST_DPI = 100;

/** Scans one page with `driver`'s device `deviceId`; nothing is kept. */
export async function scanTestPage(driver: Scanner, deviceId: string): Promise<TestScanResult> {
  const pagesDir = mkdtempSync(join(tmpdir(), 'motcua-test-scan-'));
  try {
    let result: TestScanResult | undefined;
    const session = await driver.open(deviceId);
    try {
      // Flatbed scans stop after one page; the loop runs to the end so the driver closes cleanly.
      for await (const page of session.scan({ source: 'flatbed', resolution: TEST_DPI, colorMode: 'gray', pageSize: A4, maxPages: 1 })) {
        const p = await processPage(page, { pagesDir, colorMode: 'gray' });
        result ??= { width: p.width, height: p.height, blank: p.blank, thumbnail: readFileSync(thumbFilePath(pagesDir, p.sha256)) };
      }
    } finally {
      await session[Symbol.asyncDispose]();
    }
    if (result === undefined) throw new AppError('scanner.no-paper');
    return result;
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
}
