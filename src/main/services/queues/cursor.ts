/**
 * Queue cursors as they travel: "<due ISO>~<row>", opaque to the screen. Read back strictly: a
 * cursor that does not parse is refused with a typed error, never passed to SQL half-understood.
 */
import { AppError } from '../../../shared/api/errors';
import type { QueueCursor } from '../../store/repos/dossier-queue';

const SHAPE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([1-9]\d{0,14})$/u;

/** The text form of a store cursor; null when there is no next page. */
export function encodeQueueCursor(cursor: QueueCursor | undefined): string | null {
  return cursor === undefined ? null : `${cursor.dueAt}~${cursor.rowid}`;
}

/** The store cursor in `text`; throws AppError 'list.invalid-cursor' when it is not one. */
export function decodeQueueCursor(text: string | undefined): QueueCursor | undefined {
  if (text === undefined) return undefined;
  const match = SHAPE.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) throw new AppError('list.invalid-cursor');
  return { dueAt: match[1], rowid: Number(match[2]) };
}
