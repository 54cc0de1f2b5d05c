/** Vietnamese: the source of truth for every string a clerk sees. `en.ts` must have the same keys. */
export const vi = {
  'app.title': 'Motcua Desk',
  'app.subtitle': 'Bộ phận tiếp nhận và trả kết quả',
  'app.demoBanner': 'Đang dùng dữ liệu mẫu (xã demo). Hãy đăng ký máy với trung tâm dữ liệu trước khi tiếp nhận hồ sơ thật.',
  'lang.switch': 'English',
  'lang.switchLabel': 'Chuyển sang tiếng Anh',
  'home.heading': 'Thông tin phần mềm',
  'home.loading': 'Đang tải thông tin…',
  'home.retry': 'Thử lại',
  'home.version': 'Phiên bản',
  'home.commune': 'Đơn vị',
  'home.province': 'Tỉnh/thành phố',
  'home.agencyCode': 'Mã cơ quan',
  'home.dataDir': 'Thư mục dữ liệu',
  'home.schema': 'Phiên bản cơ sở dữ liệu',
  'home.dossiers': 'Số hồ sơ đang lưu',
  'home.host': 'Chế độ chạy',
  'home.health': 'Tự kiểm tra',
  'home.healthOk': 'Hoạt động bình thường',
  'home.healthFail': 'Có vấn đề cần kiểm tra',
  'host.electron': 'Ứng dụng máy tính',
  'host.browser-host': 'Trình duyệt (máy chủ nội bộ)',
  'host.cli': 'Dòng lệnh',
} as const;

export type MessageKey = keyof typeof vi;
