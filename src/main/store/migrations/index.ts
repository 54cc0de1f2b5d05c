/**
 * The ordered registry of migrations. Rules (style-anchors §6.4): numbered in tens, never edited
 * once merged, self-contained (no app imports), additive only for tables the hub syncs.
 */
import type Database from 'better-sqlite3';
import { m0010Initial } from './0010-initial';
import { m0030SyncRejections } from './0030-sync-rejections';
import { m0040PrintLog } from './0040-print-log';
// issue 6: slips kept with their dossier
import { m0050DossierSlips } from './0050-dossier-slips';
// issue 7a: attachments lane
import { m0060AttachmentQueue } from './0060-attachment-queue';
// issue 7c: sync conflicts and merge bases
import { m0070SyncConflicts } from './0070-sync-conflicts';
// issue 12: accounts that must choose a new password
import { m0080AccountLifecycle } from './0080-account-lifecycle';
// issue 13: audit of reads
import { m0090ReadAudit } from './0090-read-audit';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [m0010Initial, m0030SyncRejections, m0040PrintLog, m0050DossierSlips, m0060AttachmentQueue, m0070SyncConflicts, m0080AccountLifecycle, m0090ReadAudit];
