/**
 * Scanned pages. The image lives on disk beside the database, named by its SHA-256, so the same
 * file is stored and uploaded once however many pages point at it; the row holds what the
 * screens and the PDF need without opening the file.
 */
import type { ReadDb, WriteDb } from '../db';
import { bit, prepared, toJson } from '../statements';

export type PageRotation = 0 | 90 | 180 | 270;

export interface StoredPage {
  readonly id: string;
  readonly documentId: string;
  /** Order within the document, from 0; unique per document. */
  readonly position: number;
  /** Lower-case hex SHA-256 of the image file. */
  readonly sha256: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly rotation: PageRotation;
  /** Flagged blank by the image pipeline; kept so the clerk can undo the guess. */
  readonly blank: boolean;
  readonly createdAt: string;
}

interface PageRow {
  readonly id: string;
  readonly document_id: string;
  readonly position: number;
  readonly sha256: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly rotation: PageRotation;
  readonly blank: 0 | 1;
  readonly created_at: string;
}

const fromRow = (r: PageRow): StoredPage => ({
  id: r.id,
  documentId: r.document_id,
  position: r.position,
  sha256: r.sha256,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  rotation: r.rotation,
  blank: r.blank === 1,
  createdAt: r.created_at,
});

/** Adds a page; its position must be free in the document. */
export function insertPage(db: WriteDb, page: StoredPage): void {
  prepared(
    db,
    `INSERT INTO pages (id, document_id, position, sha256, bytes, width, height, rotation, blank, created_at)
     VALUES (@id, @document_id, @position, @sha256, @bytes, @width, @height, @rotation, @blank, @created_at)`,
  ).run({
    id: page.id,
    document_id: page.documentId,
    position: page.position,
    sha256: page.sha256,
    bytes: page.bytes,
    width: page.width,
    height: page.height,
    rotation: page.rotation,
    blank: bit(page.blank),
    created_at: page.createdAt,
  });
}

/** The document's pages in order. */
export function listPages(db: ReadDb, documentId: string): StoredPage[] {
  return (prepared(db, 'SELECT * FROM pages WHERE document_id = ? ORDER BY position').all(documentId) as PageRow[]).map(fromRow);
}

/** The clerk's corrections: rotation and the blank flag. */
export function updatePage(db: WriteDb, id: string, changes: Pick<StoredPage, 'rotation' | 'blank'>): boolean {
  return prepared(db, 'UPDATE pages SET rotation = ?, blank = ? WHERE id = ?').run(changes.rotation, bit(changes.blank), id).changes > 0;
}

export function deletePage(db: WriteDb, id: string): boolean {
  return prepared(db, 'DELETE FROM pages WHERE id = ?').run(id).changes > 0;
}

/**
 * Puts the document's pages in the order of `pageIds` (which must name all of them). Positions
 * are unique per document and SQLite checks that row by row, so the pages first move to
 * negative positions, then to their new ones.
 */
export function reorderPages(db: WriteDb, documentId: string, pageIds: readonly string[]): void {
  const current = listPages(db, documentId).map((p) => p.id);
  if (current.length !== pageIds.length || !current.every((id) => pageIds.includes(id))) {
    throw new RangeError(`reorderPages: the new order must name the document's ${current.length} pages exactly once`);
  }
  prepared(db, 'UPDATE pages SET position = -1 - position WHERE document_id = ?').run(documentId);
  prepared(
    db,
    `UPDATE pages SET position = (SELECT CAST(key AS INTEGER) FROM json_each(@order) WHERE value = pages.id)
     WHERE document_id = @document_id`,
  ).run({ order: toJson(pageIds), document_id: documentId });
}

/** How many pages point at this file; 0 means the file may be deleted from disk. */
export function countPagesWithHash(db: ReadDb, sha256: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM pages WHERE sha256 = ?').get(sha256) as { n: number }).n;
}

/** One page by id. */
export function getPage(db: ReadDb, id: string): StoredPage | undefined {
  const row = prepared(db, 'SELECT * FROM pages WHERE id = ?').get(id) as PageRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}
