import { appVersion } from '../../shared/version';
import { apiNames } from '../../shared/api/contract';
import { defaultDataDir } from '../services/settings/data-dir';

/** The help text: Vietnamese first, English second, one line per command. */
export function usage(): string {
  return `Motcua Desk ${appVersion} — công cụ hỗ trợ / support CLI

Cách dùng / usage: motcua <lệnh/command> [tuỳ chọn/options]
  info                          thông tin phần mềm và dữ liệu / app and data info
  health                        tự kiểm tra nhanh / quick self-check
  doctor                        kiểm tra toàn diện máy và dữ liệu / full check of PC and data
  stats                         số hồ sơ theo trạng thái, dung lượng / dossiers by status, size
  backup [--dir D] [--keep N]   sao lưu ngay, giữ N bản / back up now, keep N copies
  backup --list [--dir D]       liệt kê bản sao lưu / list backups
  restore <tệp/file>            khôi phục từ bản sao lưu (đóng phần mềm trước) / restore a backup (close the app first)
  provision <tệp/file.motcua>   cài đặt máy cho xã bằng gói của trung tâm dữ liệu / apply a provisioning package
  seed-demo --dossiers N        tạo N hồ sơ mẫu trong bản đào tạo / add N demo dossiers to the training sandbox
            [--seed S]
  scanners                      liệt kê máy quét / list scanners
  scan --device D --out F.pdf   quét thử vào tệp PDF / test scan into a PDF
  printers                      liệt kê máy in / list printers
  print-test --printer P        in thử một phiếu tiếp nhận / print a test receipt
       [--source flatbed|adf] [--mode gray|color|bw] [--resolution 300] [--size A4|A5]
  call <tên/name> [JSON]        gọi một chức năng của API / call an API function
                                (${apiNames.join(', ')})
Tuỳ chọn chung / global options:
  --data-dir DIR   thư mục dữ liệu / data folder (mặc định / default: ${defaultDataDir()})
  --json           in JSON cho script / print JSON for scripts
  -h, --help       trợ giúp / this help`;
}
