/**
 * Applies one pulled page to the PC's store in ONE transaction together with the new cursor
 * (sync.md R2): a crash leaves either the whole page and its cursor, or neither. A dossier with
 * changes not yet pushed is merged field by field with them (`rebase.ts`); conflicts are recorded.
 */
import { z } from 'zod';
import type { Store } from '../main/store/db';
import { putAdminUnit } from '../main/store/repos/admin-units';
import { type StoredDossier } from '../main/store/repos/dossiers';
import { putHolidayOverlay } from '../main/store/repos/holidays';
import { upsertProcedureVersion } from '../main/store/repos/procedures';
import { putSyncState } from '../main/store/repos/sync-state';
import { applyPulledAccount } from './pull-accounts';
import type { PullItem } from './protocol/messages';
import { applyPulledDossier } from './rebase';

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
  /** Dossiers merged with local changes not yet sent (sync.md §4.6). */
  readonly keptLocal: number;
}

/** Applies `items` and stores `cursor`, all or nothing. */
export function applyPullPage(store: Store, items: readonly PullItem[], cursor: number, now: string): AppliedPage {
  return store.write((db) => {
    let applied = 0;
    let keptLocal = 0;
    for (const item of items) {
      if (item.type === 'holidays') putHolidayOverlay(db, item.year, item.overlay, now);
      else if (item.type === 'admin-unit') putAdminUnit(db, { code: item.code, name: item.name, level: item.level, parentCode: item.parentCode, updatedAt: now });
      else if (item.type === 'account') applyPulledAccount(db, item, now);
      else if (item.type === 'procedure') {
        upsertProcedureVersion(db, { code: item.code, version: item.procedureVersion, effectiveFrom: item.effectiveFrom, name: item.name, definition: item.definition, updatedAt: now });
      } else {
        const s = snapshotSchema.parse(item.snapshot);
        const dossier: StoredDossier = { ...s, status: item.status, rowVersion: item.rowVersion, updatedAt: s.updatedAt ?? s.createdAt };
        if (applyPulledDossier(db, dossier, item.snapshot, now) === 'merged') keptLocal += 1;
      }
      applied += 1;
    }
    putSyncState(db, CURSOR_KEY, cursor, now);
    return { applied, keptLocal };
  });
}
