/**
 * What a crash left in `<data>/pages/incoming`: a page whose pixels all reached the disk and
 * whose document still exists is finished into that document (appended, as its scan would have
 * done); anything else (a page cut off mid-transfer, one whose document is gone, files that are
 * not pages, half-written page files) is removed. Runs once when the scanning service starts.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pagesDirOf } from '../../devices/scanner/pipeline/page-files';
import { processSpooled } from '../../devices/scanner/pipeline/page-pipeline';
import { completeSpoolFile, leftoverSpool, removeSpooled } from '../../devices/scanner/pipeline/spool';
import type { Store } from '../../store/db';
import { getDocument } from '../../store/repos/documents';
import type { Clock } from '../clock';
import { appendPage } from './page-rows';

export interface SpoolRecovery {
  /** Pages finished into their documents. */
  readonly finished: number;
  /** Spool files and half-written page files removed. */
  readonly removed: number;
}

/** Temporary names of page files a crash interrupted (page-files.ts writes `<name>.<uuid>.part`). */
function partFiles(pagesDir: string): string[] {
  return [pagesDir, join(pagesDir, 'thumbs')].flatMap((dir) => {
    try {
      return readdirSync(dir).filter((n) => n.endsWith('.part')).map((n) => join(dir, n));
    } catch {
      return [];
    }
  });
}

/**
 * Looks at the spool now (synchronously, so scans started afterwards are never touched) and
 * returns the work of finishing it.
 */
export function recoverSpool(store: Store, clock: Clock, dataDir: string): Promise<SpoolRecovery> {
  const pagesDir = pagesDirOf(dataDir);
  const { pages, strays } = leftoverSpool(pagesDir);
  const parts = partFiles(pagesDir);
  return (async () => {
    let finished = 0;
    let removed = 0;
    for (const path of [...strays, ...parts]) {
      rmSync(path, { force: true });
      removed++;
    }
    for (const page of pages) {
      const documentId = page.owner?.documentId;
      const spool = page.complete ? completeSpoolFile(page.path) : undefined;
      const known = typeof documentId === 'string' && store.read((db) => getDocument(db, documentId)) !== undefined;
      if (spool === undefined || page.colorMode === null || !known) {
        await removeSpooled(page.path);
        removed++;
        continue;
      }
      appendPage(store, clock, documentId, await processSpooled(spool, { pagesDir, colorMode: page.colorMode }));
      finished++;
    }
    return { finished, removed };
  })();
}
