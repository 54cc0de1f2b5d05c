/**
 * Documents (thành phần hồ sơ) of a dossier: one per required paper, holding scanned pages
 * (pages.ts). Removing a document removes its pages' rows; their files stay on disk until no
 * page references their hash any more (see `countPagesWithHash`).
 */
import type { ReadDb, WriteDb } from '../db';
import { prepared } from '../statements';

export interface StoredDocument {
  readonly id: string;
  readonly dossierId: string;
  /** Which required document of the procedure this is (its key in the definition). */
  readonly kind: string;
  readonly title: string;
  /** Order within the dossier, from 0. */
  readonly position: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface DocumentRow {
  readonly id: string;
  readonly dossier_id: string;
  readonly kind: string;
  readonly title: string;
  readonly position: number;
  readonly created_at: string;
  readonly updated_at: string;
}

const fromRow = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  dossierId: r.dossier_id,
  kind: r.kind,
  title: r.title,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Adds a document to a dossier (which must exist). */
export function insertDocument(db: WriteDb, doc: Omit<StoredDocument, 'updatedAt'>): void {
  prepared(
    db,
    `INSERT INTO documents (id, dossier_id, kind, title, position, created_at, updated_at)
     VALUES (@id, @dossier_id, @kind, @title, @position, @created_at, @created_at)`,
  ).run({ id: doc.id, dossier_id: doc.dossierId, kind: doc.kind, title: doc.title.normalize('NFC'), position: doc.position, created_at: doc.createdAt });
}

export function getDocument(db: ReadDb, id: string): StoredDocument | undefined {
  const row = prepared(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** The dossier's documents in order. */
export function listDocuments(db: ReadDb, dossierId: string): StoredDocument[] {
  return (prepared(db, 'SELECT * FROM documents WHERE dossier_id = ? ORDER BY position, id').all(dossierId) as DocumentRow[]).map(fromRow);
}

/** Removes a document and its page rows (cascade); true if it existed. */
export function deleteDocument(db: WriteDb, id: string): boolean {
  return prepared(db, 'DELETE FROM documents WHERE id = ?').run(id).changes > 0;
}
