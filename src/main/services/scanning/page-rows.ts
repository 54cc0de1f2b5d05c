/**
 * A processed page becomes the last page of its document: one row, in the same transaction that
 * reads the current last position. Used by scan jobs and by the spool recovery at start.
 */
import { uuidv7 } from '../../../shared/id/uuidv7';
import type { ProcessedPage } from '../../devices/scanner/pipeline/page-pipeline';
import type { Store } from '../../store/db';
import { insertPage, listPages, type StoredPage } from '../../store/repos/pages';
import type { Clock } from '../clock';

export function appendPage(store: Store, clock: Clock, documentId: string, processed: ProcessedPage): StoredPage {
  const now = clock.now();
  return store.write((db) => {
    const position = listPages(db, documentId).reduce((max, p) => Math.max(max, p.position + 1), 0);
    const row: StoredPage = {
      id: uuidv7(now.getTime()),
      documentId,
      position,
      sha256: processed.sha256,
      bytes: processed.bytes,
      width: processed.width,
      height: processed.height,
      rotation: 0,
      blank: processed.blank,
      createdAt: now.toISOString(),
    };
    insertPage(db, row);
    return row;
  });
}
