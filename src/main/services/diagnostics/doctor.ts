/**
 * `doctor`: everything a support engineer asks first, in one report — versions, PC, data folder,
 * disk, the database's full integrity check, schema version, commands waiting for the hub, and
 * the hub itself. The database is opened read-only and never migrated or repaired here: doctor
 * must be safe to run on a damaged file and beside a running app.
 */
import { basename } from 'node:path';
import { inspectDatabaseFile, type DatabaseInspection } from '../../store/inspect';
import { listDataFolderBackups } from '../maintenance/backup';
import { databasePath } from '../maintenance/data-folder';
import { check, same, type DoctorCheck } from './doctor-check';
import { systemChecks } from './doctor-system';
import { formatBytes } from './units';

export type { CheckLevel, DoctorCheck } from './doctor-check';

export interface DoctorReport {
  /** No check failed. */
  readonly ok: boolean;
  readonly checkedAt: string;
  readonly checks: readonly DoctorCheck[];
}

const labels = {
  database: { vi: 'Cơ sở dữ liệu', en: 'Database' },
  integrity: { vi: 'Kiểm tra toàn vẹn', en: 'Integrity check' },
  schema: { vi: 'Phiên bản lược đồ (có / mới nhất)', en: 'Schema version (found / latest)' },
  outbox: { vi: 'Chờ gửi lên máy chủ', en: 'Waiting for the hub' },
  backups: { vi: 'Bản sao lưu (số bản, mới nhất)', en: 'Backups (count, newest)' },
};
const restoreAdvice = {
  vi: 'Hãy đóng phần mềm và khôi phục từ bản sao lưu gần nhất (lệnh restore).',
  en: 'Close the app and restore the latest backup (the restore command).',
};

function schemaCheck(found: number, latest: number): DoctorCheck {
  const value = same(`${found} / ${latest}`);
  if (found === latest) return check('schema', 'ok', labels.schema, value, found);
  if (found < latest) {
    return check('schema', 'warn', labels.schema, value, found, {
      vi: 'Cũ hơn phần mềm: sẽ được nâng cấp khi mở phần mềm.',
      en: 'Older than the app: it is upgraded when the app starts.',
    });
  }
  return check('schema', 'fail', labels.schema, value, found, {
    vi: 'Dữ liệu của phiên bản mới hơn: hãy cài phiên bản mới nhất.',
    en: 'Data from a newer version: install the latest version.',
  });
}

function databaseChecks(inspection: DatabaseInspection): DoctorCheck[] {
  if (inspection.state === 'missing') {
    return [
      check('database', 'warn', labels.database, { vi: 'chưa có', en: 'missing' }, null, {
        vi: 'Sẽ được tạo khi mở phần mềm lần đầu. Nếu máy đã dùng rồi, hãy kiểm tra lại --data-dir.',
        en: 'It is created when the app first starts. If this PC was in use, check --data-dir.',
      }),
    ];
  }
  if (inspection.state === 'unreadable') {
    const value = { vi: `không đọc được (${inspection.reason})`, en: `unreadable (${inspection.reason})` };
    return [check('database', 'fail', labels.database, value, inspection.reason, restoreAdvice)];
  }
  const { integrity } = inspection;
  const unsent = inspection.unsentOutbox ?? 0;
  return [
    check('database', 'ok', labels.database, same(formatBytes(inspection.bytes)), inspection.bytes),
    integrity.ok
      ? check('integrity', 'ok', labels.integrity, same('ok'), 'ok')
      : check('integrity', 'fail', labels.integrity, same(integrity.detail.slice(0, 300)), integrity.detail, restoreAdvice),
    schemaCheck(inspection.schemaVersion, inspection.latestSchemaVersion),
    check('outbox', 'info', labels.outbox, { vi: `${unsent} thay đổi`, en: `${unsent} changes` }, inspection.unsentOutbox),
  ];
}

/** The folder's own backups: a PC in use without any is one disk failure from losing everything. */
function backupCheck(dataDir: string, hasData: boolean): DoctorCheck {
  const files = listDataFolderBackups(dataDir);
  const newest = files.at(-1);
  if (newest !== undefined) return check('backups', 'ok', labels.backups, same(`${files.length}, ${basename(newest.path)}`), newest.path);
  return check('backups', hasData ? 'warn' : 'info', labels.backups, { vi: 'chưa có', en: 'none' }, null, hasData ? {
    vi: 'Hãy sao lưu ngay (lệnh backup) và chép bản sao lưu sang USB hoặc máy khác.',
    en: 'Back up now (the backup command) and copy the backup to a USB drive or another PC.',
  } : undefined);
}

/** Until the sync client exists there is no hub to reach; say so rather than pretend to test it. */
const hubCheck = check('hub', 'info', { vi: 'Máy chủ tỉnh (hub)', en: 'City hub' }, { vi: 'chưa cấu hình', en: 'not configured' }, 'not-configured');

/** Runs every check on `dataDir`. Reads only; never throws for a bad database. */
export function runDoctor(request: { readonly version: string; readonly dataDir: string; readonly now: Date }): DoctorReport {
  const inspection = inspectDatabaseFile(databasePath(request.dataDir));
  const checks = [
    ...systemChecks(request.version, request.dataDir),
    ...databaseChecks(inspection),
    backupCheck(request.dataDir, inspection.state === 'readable'),
    hubCheck,
  ];
  return { ok: checks.every((c) => c.level !== 'fail'), checkedAt: request.now.toISOString(), checks };
}
