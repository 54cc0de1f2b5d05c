import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../test/helpers/fixed-clock';
import { at, newDossier, openTestStore } from '../../../../test/helpers/dossier-fixtures';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { incomingDir, pageFilePath, pagesDirOf } from '../../devices/scanner/pipeline/page-files';
import { spoolRawPage } from '../../devices/scanner/pipeline/spool';
import { SaneScanner } from '../../devices/scanner/sane/sane-scanner';
import { useSaneTestBackend } from '../../devices/scanner/sane/sane-test-config';
import { A4, type ScannedPage } from '../../devices/scanner/scanner';
import { insertDocument } from '../../store/repos/documents';
import { insertDossier } from '../../store/repos/dossiers';
import { listPages } from '../../store/repos/pages';
import { ScanningService } from './scanning-service';

const tempDir = useTempDirs();

/** Spools the SANE test backend's pages as a scan job does, up to where a crash would stop it. */
async function spoolFromSane(pagesDir: string, owners: ({ jobId: string; documentId: string } | 'cut-off')[]): Promise<string[]> {
  const session = await new SaneScanner().open('sane:test:0');
  const paths: string[] = [];
  try {
    let i = 0;
    for await (const page of session.scan({ source: 'adf', colorMode: 'gray', resolution: 75, pageSize: A4 })) {
      const owner = owners[i++];
      if (owner === undefined) break;
      if (page.kind !== 'raw') throw new Error('SANE pages are raw');
      if (owner === 'cut-off') {
        // The power went while rows were still arriving: only part of the page reached the disk.
        async function* firstRowsThenNothing(rows: ScannedPage & { kind: 'raw' }) {
          for await (const chunk of rows.rows) {
            yield chunk;
            await new Promise<never>(() => undefined);
          }
        }
        void spoolRawPage({ ...page, rows: firstRowsThenNothing(page) }, pagesDir, 'gray', { jobId: 'j0', documentId: 'doc1' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      paths.push((await spoolRawPage(page, pagesDir, 'gray', owner)).path);
    }
  } finally {
    await session[Symbol.asyncDispose]();
  }
  return paths;
}

describe('spool recovery when the scanning service starts (real SANE test pages left by a crash)', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('finishes complete pages of known documents, removes cut-off, truncated and orphaned ones and stray files', async () => {
    const dataDir = tempDir();
    const pagesDir = pagesDirOf(dataDir);
    const store = openTestStore(dataDir);
    store.write((db) => {
      const dossier = newDossier();
      insertDossier(db, dossier);
      insertDocument(db, { id: 'doc1', dossierId: dossier.id, kind: 'to-khai', title: 'Tờ khai đăng ký khai sinh', position: 0, createdAt: at() });
    });
    const [kept, truncated] = await spoolFromSane(pagesDir, [
      { jobId: 'j0', documentId: 'doc1' },
      { jobId: 'j0', documentId: 'doc1' },
      { jobId: 'j9', documentId: 'no-such-document' },
      'cut-off',
    ]);
    truncateSync(truncated!, statSync(truncated!).size - 100);
    writeFileSync(join(incomingDir(pagesDir), 'page.raw'), 'an older spool format');
    mkdirSync(join(pagesDir, 'thumbs'), { recursive: true });
    writeFileSync(join(pagesDir, 'thumbs', `${'a'.repeat(64)}.webp.1234.part`), 'half a thumbnail');
    expect(readdirSync(incomingDir(pagesDir)).filter((n) => n.endsWith('.v'))).toHaveLength(4);

    const service = new ScanningService({ store, clock: fixedClock(at(5)), dataDir, drivers: [new SaneScanner()] });
    expect(await service.recovered).toEqual({ finished: 1, removed: 5 });

    const pages = store.read((db) => listPages(db, 'doc1'));
    // 590 px: the test backend's 200 mm scan width at 75 dpi.
    expect(pages.map((p) => [p.position, p.width, p.blank])).toEqual([[0, 590, false]]);
    expect(existsSync(pageFilePath(pagesDir, pages[0]!.sha256))).toBe(true);
    expect(existsSync(kept!)).toBe(false);
    expect(readdirSync(incomingDir(pagesDir))).toEqual([]);
    expect(readdirSync(join(pagesDir, 'thumbs')).filter((n) => n.endsWith('.part'))).toEqual([]);
    store.close();
  });
});
