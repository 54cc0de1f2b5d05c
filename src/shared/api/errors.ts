/**
 * Every error that may cross the API boundary. A caller gets a stable `code`, the params it
 * needs, and the message in Vietnamese (first) and English. Stack traces never cross.
 */
import { isRole, roleLabels } from '../dossier/roles';
import type { LocalizedText, ValidationIssue } from '../validation';

type Params = Readonly<Record<string, string | number>>;

function roleName(role: string | number | undefined, lang: 'vi' | 'en'): string {
  return isRole(role) ? roleLabels[role][lang] : String(role);
}

const catalogue = {
  'api.unknown-call': {
    vi: (p: Params) => `Phần mềm không có chức năng "${p.name}". Hãy cập nhật phần mềm hoặc báo bộ phận hỗ trợ.`,
    en: (p: Params) => `There is no call named "${p.name}". Update the application or contact support.`,
  },
  'api.invalid-input': {
    vi: (p: Params) => `Dữ liệu gửi lên không hợp lệ (${p.detail}). Hãy kiểm tra lại các ô đã nhập.`,
    en: (p: Params) => `The input is not valid (${p.detail}). Check the fields you entered.`,
  },
  'api.invalid-reply': {
    vi: (p: Params) => `Phần mềm nhận được câu trả lời không đúng dạng cho "${p.name}". Hãy khởi động lại phần mềm; nếu còn lỗi, báo bộ phận hỗ trợ.`,
    en: (p: Params) => `The reply to "${p.name}" had an unexpected shape. Restart the application; if it persists, contact support.`,
  },
  'api.unreachable': {
    vi: () => 'Không kết nối được với phần lõi của phần mềm. Hãy đóng và mở lại phần mềm; dữ liệu đã lưu không bị mất.',
    en: () => 'Cannot reach the application core. Close and reopen the application; saved data is not lost.',
  },
  'auth.required': {
    vi: () => 'Bạn cần đăng nhập để dùng chức năng này.',
    en: () => 'Sign in to use this function.',
  },
  'auth.idle-locked': {
    vi: () => 'Màn hình đã khoá vì không dùng một lúc. Hãy nhập lại mật khẩu để tiếp tục; dữ liệu đang nhập vẫn được giữ.',
    en: () => 'The screen locked after a while without use. Enter your password to continue; your unsaved input is kept.',
  },
  'auth.forbidden': {
    vi: (p: Params) => `Tài khoản của bạn (${roleName(p.role, 'vi')}) không được phép dùng chức năng "${p.action}". Hãy nhờ cán bộ có thẩm quyền thực hiện.`,
    en: (p: Params) => `Your account (${roleName(p.role, 'en')}) may not use "${p.action}". Ask an authorised officer to do it.`,
  },
  'auth.bad-credentials': {
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (chú ý bộ gõ tiếng Việt và phím Caps Lock).',
    en: () => 'The user name or password is wrong. Check them (mind the Vietnamese input method and Caps Lock).',
  },
  'auth.account-locked': {
    vi: (p: Params) => `Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần, đến ${p.until}. Hãy đợi hoặc nhờ quản trị mở khoá.`,
    en: (p: Params) => `The account is locked after too many wrong passwords, until ${p.until}. Wait, or ask an administrator to unlock it.`,
  },
  'auth.weak-password': {
    vi: (p: Params) => `Mật khẩu mới cần ít nhất ${p.min} ký tự và không trùng tên đăng nhập.`,
    en: (p: Params) => `The new password needs at least ${p.min} characters and must differ from the user name.`,
  },
  'auth.username-taken': {
    vi: (p: Params) => `Tên đăng nhập "${p.username}" đã có người dùng. Hãy chọn tên khác.`,
    en: (p: Params) => `The user name "${p.username}" is taken. Choose another.`,
  },
  'validation.failed': {
    vi: (p: Params) => `Thông tin chưa hợp lệ (${p.issue}).`,
    en: (p: Params) => `The information is not valid (${p.issue}).`,
  },
  'api.unauthorized': {
    vi: () => 'Phiên làm việc không hợp lệ. Hãy mở lại phần mềm từ biểu tượng trên màn hình.',
    en: () => 'This session is not authorised. Reopen the application from its shortcut.',
  },
  'store.future-version': {
    vi: (p: Params) =>
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ ${p.found}, phần mềm này hiểu tới ${p.known}). Hãy cài phiên bản mới nhất; dữ liệu không bị thay đổi.`,
    en: (p: Params) =>
      `The database was written by a newer version (schema ${p.found}; this version knows up to ${p.known}). Install the latest version; nothing was changed.`,
  },
  'store.unavailable': {
    vi: (p: Params) => `Không mở được cơ sở dữ liệu tại thư mục dữ liệu (${p.reason}). Hãy báo bộ phận hỗ trợ; không có dữ liệu nào bị xoá.`,
    en: (p: Params) => `The database in the data folder could not be opened (${p.reason}). Contact support; no data was deleted.`,
  },
  'store.stale-row': {
    vi: () => 'Hồ sơ vừa được người khác thay đổi. Hãy mở lại hồ sơ để xem bản mới nhất rồi thao tác lại; chưa có gì được lưu.',
    en: () => 'Someone else changed this record a moment ago. Reopen it to see the latest version and try again; nothing was saved.',
  },
  'store.not-found': {
    vi: (p: Params) => `Không tìm thấy ${p.entity === 'dossier' ? 'hồ sơ' : 'bản ghi'} cần thao tác (có thể đã bị xoá hoặc chưa đồng bộ về máy này).`,
    en: (p: Params) => `The ${p.entity ?? 'record'} was not found (it may have been removed or not yet synced to this PC).`,
  },
  'store.backup-corrupt': {
    vi: (p: Params) => `Tệp sao lưu bị hỏng hoặc không phải cơ sở dữ liệu của phần mềm (${p.detail}). Không khôi phục từ tệp này; dữ liệu hiện tại được giữ nguyên. Hãy chọn bản sao lưu khác.`,
    en: (p: Params) => `The backup file is damaged or is not a database of this application (${p.detail}). It was not restored; the current data is unchanged. Choose another backup.`,
  },
  'store.backup-failed': {
    vi: (p: Params) => `Không sao lưu được cơ sở dữ liệu (${p.reason}). Hãy kiểm tra dung lượng ổ đĩa và thư mục sao lưu, rồi thử lại.`,
    en: (p: Params) => `The database could not be backed up (${p.reason}). Check the disk space and the backup folder, then try again.`,
  },
  'internal': {
    vi: () => 'Đã có lỗi ngoài dự kiến. Dữ liệu đã nhập vẫn được giữ; hãy thử lại hoặc báo bộ phận hỗ trợ.',
    en: () => 'Something unexpected went wrong. What you entered is kept; try again or contact support.',
  },
} satisfies Record<string, { vi: (p: Params) => string; en: (p: Params) => string }>;

export type ErrorCode = keyof typeof catalogue;

export const errorCodes = Object.keys(catalogue) as ErrorCode[];

/** The error as it travels over IPC, HTTP and to the CLI. */
export interface ApiError {
  readonly code: ErrorCode;
  readonly params: Params;
  readonly message: LocalizedText;
}

export function describeError(code: ErrorCode, params: Params = {}): ApiError {
  const entry = catalogue[code];
  return { code, params, message: { vi: entry.vi(params), en: entry.en(params) } };
}

/** A shared validator's issue as an API error: its own precise message travels unchanged. */
export function validationError(issue: ValidationIssue): AppError {
  const params: Params = issue.field === undefined ? { issue: issue.code } : { issue: issue.code, field: issue.field };
  return new AppError('validation.failed', params, issue.message);
}

/** Thrown by services for an expected failure; routers turn it into an `ApiError`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  private readonly localized: LocalizedText | undefined;

  constructor(code: ErrorCode, params: Params = {}, message?: LocalizedText) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.localized = message;
  }

  toApiError(): ApiError {
    const described = describeError(this.code, this.params);
    return this.localized === undefined ? described : { ...described, message: this.localized };
  }
}
