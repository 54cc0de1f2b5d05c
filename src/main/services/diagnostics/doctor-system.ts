/**
 * The PC side of `doctor`: software versions, operating system, memory, the data folder and the
 * free space on its disk. The thresholds are those of the target PC (DESIGN: 2 cores, 4 GB RAM):
 * below them the app still runs, but the support engineer should know.
 */
import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { arch, freemem, release, totalmem, type } from 'node:os';
import { dirname } from 'node:path';
import { sqliteLibraryVersion } from '../../store/inspect';
import { check, same, type DoctorCheck } from './doctor-check';
import { formatBytes } from './units';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** Below this the app may fail to save a dossier with its scans: not healthy. */
const DISK_FAIL_BYTES = 200 * MiB;
/** Below this a month of scans may not fit. */
const DISK_WARN_BYTES = 1 * GiB;
/** The target PC has 4 GB; the OS reports a little less. */
const RAM_WARN_BYTES = 3.5 * GiB;

const labels = {
  folder: { vi: 'Thư mục dữ liệu', en: 'Data folder' },
  disk: { vi: 'Ổ đĩa dữ liệu (trống / tổng)', en: 'Data disk (free / total)' },
  memory: { vi: 'Bộ nhớ RAM (tổng / trống)', en: 'Memory (total / free)' },
};

/** The nearest folder that exists: free space belongs to the disk, which exists already. */
function existingAncestor(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

function dataFolderCheck(dataDir: string): DoctorCheck {
  if (!existsSync(dataDir)) {
    return check('data-folder', 'warn', labels.folder, same(dataDir), dataDir, {
      vi: 'Chưa có: sẽ được tạo khi mở phần mềm lần đầu.',
      en: 'Missing: it is created when the app first starts.',
    });
  }
  try {
    accessSync(dataDir, constants.W_OK);
    return check('data-folder', 'ok', labels.folder, same(dataDir), dataDir);
  } catch {
    return check('data-folder', 'fail', labels.folder, same(dataDir), dataDir, {
      vi: 'Không ghi được vào thư mục: hãy cấp quyền ghi cho tài khoản Windows đang dùng.',
      en: 'The folder is not writable: give the Windows account write permission.',
    });
  }
}

function diskCheck(dataDir: string): DoctorCheck {
  const stats = statfsSync(existingAncestor(dataDir));
  const free = stats.bavail * stats.bsize;
  const size = stats.blocks * stats.bsize;
  const value = same(`${formatBytes(free)} / ${formatBytes(size)}`);
  if (free < DISK_FAIL_BYTES) {
    return check('disk', 'fail', labels.disk, value, free, {
      vi: 'Ổ đĩa gần đầy: hãy giải phóng dung lượng ngay, nếu không sẽ không lưu được hồ sơ.',
      en: 'The disk is nearly full: free space now or dossiers cannot be saved.',
    });
  }
  if (free < DISK_WARN_BYTES) {
    return check('disk', 'warn', labels.disk, value, free, {
      vi: 'Còn ít chỗ trống: hãy dọn ổ đĩa hoặc chép bản sao lưu cũ sang nơi khác.',
      en: 'Little space left: clean the disk or move old backups elsewhere.',
    });
  }
  return check('disk', 'ok', labels.disk, value, free);
}

function memoryCheck(): DoctorCheck {
  const total = totalmem();
  const value = same(`${formatBytes(total)} / ${formatBytes(freemem())}`);
  if (total >= RAM_WARN_BYTES) return check('memory', 'info', labels.memory, value, total);
  return check('memory', 'warn', labels.memory, value, total, {
    vi: 'Ít hơn 4 GB: phần mềm chạy được nhưng có thể chậm khi quét nhiều trang.',
    en: 'Under 4 GB: the app runs but may be slow when scanning many pages.',
  });
}

/** Versions, OS, memory, data folder and disk. */
export function systemChecks(version: string, dataDir: string): DoctorCheck[] {
  const electron = process.versions.electron;
  const node = electron === undefined ? process.versions.node : `${process.versions.node} (Electron ${electron})`;
  const sqlite = sqliteLibraryVersion();
  return [
    check('app', 'info', { vi: 'Phiên bản phần mềm', en: 'App version' }, same(version), version),
    check('node', 'info', same('Node.js'), same(node), process.versions.node),
    check('sqlite', 'info', same('SQLite'), same(sqlite), sqlite),
    check('os', 'info', { vi: 'Hệ điều hành', en: 'Operating system' }, same(`${type()} ${release()} ${arch()}`), `${process.platform}-${arch()}`),
    memoryCheck(),
    dataFolderCheck(dataDir),
    diskCheck(dataDir),
  ];
}
