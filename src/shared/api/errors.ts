/**
 * Every error that may cross the API boundary. A caller gets a stable `code`, the params it
 * needs, and the message in Vietnamese (first) and English. Stack traces never cross.
 */
import type { LocalizedText } from '../validation';

type Params = Readonly<Record<string, string | number>>;

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

/** Thrown by services for an expected failure; routers turn it into an `ApiError`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;

  constructor(code: ErrorCode, params: Params = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  toApiError(): ApiError {
    return describeError(this.code, this.params);
  }
}
