/**
 * Applies one pulled page to the PC's store in ONE transaction together with the new cursor
 * (sync.md R2): a crash leaves either the whole page and its cursor, or neither. A dossier with
 * changes not yet pushed keeps its local state (the hub will answer those changes, and a refusal
 * brings the hub's state back through the feed); rebasing them is not built yet.
 */
import { z } from 'zod';
import type { Store } from '../main/store/db';
import { getDossierById, putDossierFromHub, type StoredDossier } from '../main/store/repos/dossiers';
import { putHolidayOverlay } from '../main/store/repos/holidays';
import { listOutboxForEntity } from '../main/store/repos/outbox';
import { upsertProcedureVersion } from '../main/store/repos/procedures';
import { putSyncState } from '../main/store/repos/sync-state';
import type { PullItem } from './protocol/messages';

/** Key of the pull cursor in sync_state. */
export const CURSOR_KEY = 'pull.cursor';

const nul = <T extends z.ZodType>(t: T) => t.nullable().default(null);
const snapshotSchema = z.object({
  id: z.string(),
  code: nul(z.string()),
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  channel: z.enum(['counter', 'online', 'volunteer']),
  applicantName: z.string(),
  applicantIdNumber: nul(z.string()),
  applicantPhone: nul(z.string()),
  form: z.unknown().default({}),
  receivedAt: nul(z.string()),
  receivedBy: nul(z.string()),
  dueAt: nul(z.string()),
  clockStops: z.unknown().default([]),
  assigneeId: nul(z.string()),
  resolvedAt: nul(z.string()),
  returnedAt: nul(z.string()),
  resultNumber: nul(z.string()),
  registerBook: nul(z.string()),
  registerPage: nul(z.string()),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
});

/** What a page did, for the status and the tests. */
export interface AppliedPage {
  readonly applied: number;
  readonly keptLocal: number;
}

/** Applies `items` and stores `cursor`, all or nothing. */
export function applyPullPage(store: Store, items: readonly PullItem[], cursor: number, now: string): AppliedPage {
  return store.write((db) => {
    let applied = 0;
    let keptLocal = 0;
    for (const item of items) {
      if (item.type === 'holidays') putHolidayOverlay(db, item.year, item.overlay, now);
      else if (item.type === 'procedure') {
        upsertProcedureVersion(db, { code: item.code, version: item.procedureVersion, effectiveFrom: item.effectiveFrom, name: item.name, definition: item.definition, updatedAt: now });
      } else {
        const local = getDossierById(db, item.id);
        const pending = local !== undefined && listOutboxForEntity(db, item.id).some((e) => e.sentAt === null);
        if (pending) {
          keptLocal += 1;
          continue;
        }
        const s = snapshotSchema.parse(item.snapshot);
        const dossier: StoredDossier = { ...s, status: item.status, rowVersion: item.rowVersion, updatedAt: s.updatedAt ?? s.createdAt };
        putDossierFromHub(db, dossier);
      }
      applied += 1;
    }
    putSyncState(db, CURSOR_KEY, cursor, now);
    return { applied, keptLocal };
  });
}
