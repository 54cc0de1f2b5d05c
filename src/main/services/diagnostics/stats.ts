/**
 * `stats` for support staff: dossiers per status, commands waiting for the hub, and how much
 * disk the database takes (main file and write-ahead log). Counts only, never personal data.
 */
import { existsSync, statSync } from 'node:fs';
import { dossierStatusTable, isDossierStatus } from '../../../shared/dossier/states';
import type { LocalizedText } from '../../../shared/validation';
import { countUnsentOutbox } from '../../store/repos/outbox';
import { countDossiersByStatus, databaseSize } from '../../store/stats';
import { databasePath, withDataStore } from '../maintenance/data-folder';

export interface DataStats {
  readonly dossiers: number;
  readonly byStatus: readonly { readonly status: string; readonly label: LocalizedText; readonly count: number }[];
  readonly outboxUnsent: number;
  readonly databaseBytes: number;
  /** Free pages inside the file (VACUUM would return them). */
  readonly freeBytes: number;
  /** The write-ahead log beside the file, 0 once checkpointed. */
  readonly walBytes: number;
}

/** Figures of the folder's database. Throws AppError 'store.no-database' when there is none. */
export function collectStats(dataDir: string): Promise<DataStats> {
  return withDataStore(dataDir, (store) => {
    const byStatus = store.read(countDossiersByStatus).map((row) => ({
      ...row,
      label: isDossierStatus(row.status) ? dossierStatusTable[row.status].label : { vi: row.status, en: row.status },
    }));
    const size = store.read(databaseSize);
    const wal = `${databasePath(dataDir)}-wal`;
    return {
      dossiers: byStatus.reduce((sum, row) => sum + row.count, 0),
      byStatus,
      outboxUnsent: store.read(countUnsentOutbox),
      databaseBytes: size.bytes,
      freeBytes: size.freeBytes,
      walBytes: existsSync(wal) ? statSync(wal).size : 0,
    };
  });
}
