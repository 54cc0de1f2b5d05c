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

/** Why a report period was refused, in words a leader can act on. */
function periodMessage(p: Params, lang: 'vi' | 'en'): string {
  if (p.reason === 'not-a-date') {
    return lang === 'vi' ? `Ngày "${p.day}" không có thật. Hãy chọn lại ngày của kỳ báo cáo.` : `"${p.day}" is not a real date. Choose the report's dates again.`;
  }
  if (p.reason === 'too-long') {
    return lang === 'vi'
      ? `Một kỳ báo cáo dài tối đa ${p.max} ngày. Hãy chia thành các kỳ ngắn hơn (tháng, quý hoặc năm).`
      : `A report period may last at most ${p.max} days. Split it into shorter periods (month, quarter or year).`;
  }
  return lang === 'vi'
    ? `Ngày kết thúc kỳ báo cáo (${p.to}) phải sau ngày bắt đầu (${p.from}). Hãy chọn lại khoảng thời gian.`
    : `The end of the report period (${p.to}) must come after its start (${p.from}). Choose the period again.`;
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
  'auth.must-change-password': {
    vi: () => 'Bạn cần đặt mật khẩu mới trước khi làm việc (lần đăng nhập đầu hoặc mật khẩu vừa được cấp lại).',
    en: () => 'Choose a new password before you continue (first sign-in, or a password that was just reset).',
  },
  'auth.session-ended': {
    vi: () => 'Phiên làm việc đã kết thúc vì tài khoản vừa bị khoá, đổi vai trò hoặc đổi mật khẩu. Hãy đăng nhập lại.',
    en: () => 'The session ended because the account was disabled, its role changed or its password changed. Sign in again.',
  },
  'auth.account-unknown': {
    vi: () => 'Không tìm thấy tài khoản này trên máy. Hãy tải lại danh sách tài khoản.',
    en: () => 'No such account on this PC. Reload the list of accounts.',
  },
  'auth.last-admin': {
    vi: () => 'Không thể khoá hoặc đổi vai trò của quản trị viên cuối cùng đang hoạt động: sẽ không còn ai quản lý được tài khoản.',
    en: () => 'The last active administrator cannot be disabled or given another role: nobody could manage accounts any more.',
  },
  'auth.not-yourself': {
    vi: () => 'Không thể tự khoá, tự đổi vai trò hay tự cấp lại mật khẩu cho chính mình. Hãy nhờ một quản trị viên khác.',
    en: () => 'You cannot disable, change the role of or reset the password of your own account. Ask another administrator.',
  },
  'desk.not-set-up': {
    vi: () => 'Máy này chưa được cài đặt cho xã nào. Hãy chọn "Cài đặt cho xã" với gói cài đặt của trung tâm dữ liệu, hoặc "Dùng thử / Đào tạo".',
    en: () => 'This PC is not set up for a commune yet. Choose "Set up for the commune" with the data centre\'s package, or "Try / Training".',
  },
  'desk.already-provisioned': {
    vi: (p: Params) => `Máy này đã được cài đặt cho ${p.commune}. Muốn thay máy hoặc cài lại, hãy xin trung tâm dữ liệu gói cài đặt thay thế và dùng trên một thư mục dữ liệu mới.`,
    en: (p: Params) => `This PC is already set up for ${p.commune}. To replace or reinstall it, ask the data centre for a replacement package and use it on a new data folder.`,
  },
  'desk.unavailable': {
    vi: () => 'Chức năng này chỉ dùng được trong cửa sổ phần mềm, không dùng từ dòng lệnh.',
    en: () => 'This is available in the application window only, not from the command line.',
  },
  'desk.training-only': {
    vi: () => 'Chỉ làm lại được dữ liệu của bản đào tạo, không phải dữ liệu thật của xã.',
    en: () => "Only the training sandbox can be reset, never the commune's real data.",
  },
  'desk.not-provisioned': {
    vi: () => 'Máy này chưa có dữ liệu của xã: cần áp dụng gói cài đặt của trung tâm dữ liệu trước.',
    en: () => "This PC has no commune data yet: apply the data centre's provisioning package first.",
  },
  'provision.not-found': {
    vi: (p: Params) => `Không thấy gói cài đặt (provision.motcua). Hãy chép tệp do trung tâm dữ liệu gửi vào: ${p.paths}, hoặc chọn tệp.`,
    en: (p: Params) => `No provisioning package (provision.motcua) was found. Copy the data centre's file to: ${p.paths}, or choose the file.`,
  },
  'provision.invalid': {
    vi: () => 'Gói cài đặt bị hỏng hoặc đã bị sửa (chữ ký không khớp). Không có gì được ghi. Hãy xin trung tâm dữ liệu cấp lại gói cài đặt cho máy này.',
    en: () => 'The provisioning package is damaged or was altered (its signature does not match). Nothing was written. Ask the data centre to issue the package for this PC again.',
  },
  'provision.expired': {
    vi: (p: Params) => `Gói cài đặt đã hết hạn lúc ${p.at}. Không có gì được ghi. Hãy xin trung tâm dữ liệu cấp gói cài đặt mới cho máy này.`,
    en: (p: Params) => `The provisioning package expired at ${p.at}. Nothing was written. Ask the data centre for a new package for this PC.`,
  },
  'provision.used': {
    vi: () => 'Gói cài đặt này đã được dùng cho một máy khác. Không có gì được ghi. Hãy xin trung tâm dữ liệu gói cài đặt mới (hoặc gói thay thế nếu máy cũ hỏng).',
    en: () => 'This provisioning package was already used on another PC. Nothing was written. Ask the data centre for a new package (or a replacement package if the old PC broke).',
  },
  'provision.hub-url': {
    vi: () => 'Gói cài đặt chỉ tới máy chủ không dùng https. Không có gì được ghi. Hãy báo trung tâm dữ liệu cấp lại gói với địa chỉ https.',
    en: () => 'The provisioning package points at a hub without https. Nothing was written. Ask the data centre to issue it again with an https address.',
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
  'list.invalid-cursor': {
    vi: () => 'Không mở được trang tiếp theo của danh sách (danh sách đã thay đổi hoặc vị trí trang không đúng). Hãy tải lại danh sách từ trang đầu.',
    en: () => 'The next page of the list could not be opened (the list changed or the page position is wrong). Reload the list from the first page.',
  },
  'report.invalid-period': {
    vi: (p: Params) => periodMessage(p, 'vi'),
    en: (p: Params) => periodMessage(p, 'en'),
  },
  'demo.not-demo-commune': {
    vi: (p: Params) => `Máy này đang giữ dữ liệu thật của ${p.commune}, nên không thêm hồ sơ mẫu. Chỉ dùng lệnh này trên máy tập huấn; nếu chắc chắn, thêm tuỳ chọn --force.`,
    en: (p: Params) => `This PC holds the real data of ${p.commune}, so no demo dossiers were added. Use this command on a training PC only; if you are sure, add --force.`,
  },
  'store.in-use': {
    vi: () => 'Cơ sở dữ liệu đang được mở bởi phần mềm Một cửa (hoặc một chương trình khác). Hãy đóng phần mềm trên máy này rồi thử lại; dữ liệu chưa bị thay đổi.',
    en: () => 'The database is open in Motcua Desk (or another program). Close the application on this PC and try again; nothing was changed.',
  },
  'store.no-database': {
    vi: (p: Params) => `Thư mục dữ liệu "${p.dir}" chưa có cơ sở dữ liệu của phần mềm. Hãy kiểm tra lại đường dẫn (tuỳ chọn --data-dir); không có gì bị thay đổi.`,
    en: (p: Params) => `The data folder "${p.dir}" holds no database of this application. Check the path (the --data-dir option); nothing was changed.`,
  },
  'store.bad-id': {
    vi: (p: Params) => `Mã ${p.kind === 'sha256' ? 'tệp' : 'bản ghi'} nhận được không đúng dạng (${p.entity}), nên phần mềm không dùng nó để đọc hay ghi tệp. Hãy báo bộ phận hỗ trợ; không có gì bị thay đổi.`,
    en: (p: Params) => `A ${p.kind === 'sha256' ? 'file hash' : 'record id'} (${p.entity}) has the wrong shape, so it was not used to read or write a file. Contact support; nothing was changed.`,
  },
  'store.backup-other-commune': {
    vi: (p: Params) => `Bản sao lưu là của ${p.backup}, còn thư mục dữ liệu này là của ${p.current}. Không khôi phục; dữ liệu hiện tại được giữ nguyên. Nếu chắc chắn muốn thay bằng dữ liệu của xã khác, chạy lại lệnh với tuỳ chọn --force-other-commune.`,
    en: (p: Params) => `The backup belongs to ${p.backup}, but this data folder belongs to ${p.current}. Nothing was restored; the current data is unchanged. If you are sure you want another commune's data here, run the command again with --force-other-commune.`,
  },
  'scanner.unknown-device': {
    vi: () => 'Máy quét này không có trong danh sách vừa tìm thấy trên máy. Hãy bấm "Tìm lại máy quét" rồi chọn máy quét trong danh sách.',
    en: () => 'This scanner is not in the list just found on this PC. Search for scanners again and pick one from the list.',
  },
  'store.backup-not-found': {
    vi: (p: Params) => `Không tìm thấy tệp sao lưu "${p.file}". Hãy kiểm tra lại đường dẫn (lệnh "backup --list" liệt kê các bản sao lưu); dữ liệu hiện tại được giữ nguyên.`,
    en: (p: Params) => `The backup file "${p.file}" was not found. Check the path ("backup --list" lists the backups); the current data is unchanged.`,
  },
  'procedure.unknown': {
    vi: (p: Params) => `Không có thủ tục mã ${p.code} đang có hiệu lực trên máy này. Hãy chọn lại thủ tục trong danh sách; nếu vẫn thiếu, hãy đồng bộ danh mục thủ tục với máy chủ.`,
    en: (p: Params) => `No procedure with code ${p.code} is in force on this PC. Pick the procedure from the list again; if it is still missing, sync the procedure catalogue with the server.`,
  },
  'dossier.illegal-transition': {
    vi: (p: Params) => `Không thể thực hiện thao tác "${p.transition}" với hồ sơ ở trạng thái hiện tại. Hãy mở lại hồ sơ để xem các thao tác được phép.`,
    en: (p: Params) => `"${p.transition}" cannot be done on the dossier in its current status. Reopen the dossier to see what is allowed.`,
  },
  'intake.missing-documents': {
    vi: (p: Params) => `Hồ sơ còn thiếu giấy tờ bắt buộc: ${p.documents}. Hãy kiểm tra lại giấy tờ công dân nộp và đánh dấu đủ trước khi tiếp nhận; nếu công dân không có, hướng dẫn bổ sung hoặc lập phiếu từ chối.`,
    en: (p: Params) => `Required papers are missing: ${p.documentsEn ?? p.documents}. Check the papers handed in and tick them all before receiving; if the citizen lacks one, explain what to bring or issue a refusal.`,
  },
  'intake.unknown-document': {
    vi: (p: Params) => `Giấy tờ "${p.key}" không thuộc thành phần hồ sơ của thủ tục này. Hãy tải lại biểu mẫu tiếp nhận rồi đánh dấu lại.`,
    en: (p: Params) => `Paper "${p.key}" is not one of this procedure's documents. Reload the intake form and tick the papers again.`,
  },
  'intake.not-provisioned': {
    vi: (p: Params) => `Máy này chưa được cấu hình để cấp mã hồ sơ (${p.detail}). Hãy liên hệ trung tâm dữ liệu; hồ sơ chưa được tiếp nhận và dữ liệu đã nhập vẫn được giữ.`,
    en: (p: Params) => `This PC is not set up to issue dossier codes (${p.detail}). Contact the data centre; the dossier was not received and what you entered is kept.`,
  },
  'workflow.result-required': {
    vi: (p: Params) => `Cần nhập ${p.fields} trước khi ghi nhận có kết quả (lấy từ sổ và giấy tờ kết quả đã ký).`,
    en: (p: Params) => `Enter ${p.fieldsEn ?? p.fields} before recording the result (from the register and the signed result).`,
  },
  'workflow.bad-reschedule': {
    vi: (p: Params) => `Ngày hẹn mới không hợp lệ: ${p.reason === 'day-off' ? 'ngày đó là ngày nghỉ' : p.reason === 'not-later' ? `phải sau ngày hẹn hiện tại (${p.current})` : p.reason === 'past' ? 'đã qua' : p.reason === 'outside-hours' ? 'ngoài giờ làm việc' : 'cần ngày và giờ dạng 2026-11-30T16:00'}. Hãy chọn lại ngày giờ hẹn trả kết quả.`,
    en: (p: Params) => `The new return date is not valid: ${p.reason === 'day-off' ? 'the office is closed that day' : p.reason === 'not-later' ? `it must come after the current one (${p.current})` : p.reason === 'past' ? 'it has passed' : p.reason === 'outside-hours' ? 'it is outside office hours' : 'give a date and time such as 2026-11-30T16:00'}. Choose the new return date again.`,
  },
  'workflow.bad-assignee': {
    vi: () => 'Cán bộ được chọn để xử lý không có trên máy này hoặc không có vai trò xử lý hồ sơ. Hãy chọn cán bộ chuyên môn hoặc lãnh đạo khác.',
    en: () => 'The officer chosen to process the dossier is not on this PC or cannot process dossiers. Choose another specialist or leader.',
  },
  'scanner.no-device': {
    vi: (p: Params) => `Không tìm thấy máy quét${p.device ? ` "${p.device}"` : ''}. Hãy kiểm tra máy quét đã bật và cắm cáp (hoặc cùng mạng), rồi bấm "Tìm lại máy quét".`,
    en: (p: Params) => `Scanner${p.device ? ` "${p.device}"` : ''} not found. Check it is switched on and connected (or on the same network), then search for scanners again.`,
  },
  'scanner.paper-jam': {
    vi: () => 'Máy quét bị kẹt giấy. Hãy mở nắp khay nạp giấy, gỡ tờ bị kẹt, đặt lại các trang chưa quét và bấm "Quét tiếp"; các trang đã quét được giữ.',
    en: () => 'Paper jam. Open the feeder cover, remove the jammed sheet, reload the pages not yet scanned and scan again; pages already scanned are kept.',
  },
  'scanner.no-paper': {
    vi: () => 'Khay nạp giấy không có giấy. Hãy đặt giấy tờ vào khay (mặt cần quét theo hướng dẫn trên máy) rồi bấm "Quét" lại, hoặc chọn quét mặt kính.',
    en: () => 'The document feeder is empty. Load the papers and scan again, or choose the flatbed.',
  },
  'scanner.busy': {
    vi: () => 'Máy quét đang bận (đang quét cho việc khác hoặc máy khác đang dùng). Hãy đợi một lát rồi thử lại; nếu vẫn bận, tắt máy quét và bật lại.',
    en: () => 'The scanner is busy (another scan or another PC is using it). Wait a moment and try again; if it stays busy, switch it off and on.',
  },
  'scanner.cancelled': {
    vi: () => 'Đã dừng quét theo yêu cầu. Các trang đã quét xong vẫn được giữ; bấm "Quét" để quét tiếp.',
    en: () => 'Scanning was stopped. Pages already scanned are kept; scan again to continue.',
  },
  'scanner.cover-open': {
    vi: () => 'Nắp máy quét đang mở. Hãy đóng nắp rồi bấm "Quét" lại.',
    en: () => 'The scanner cover is open. Close it and scan again.',
  },
  'scanner.failed': {
    vi: (p: Params) => `Máy quét báo lỗi (${p.reason}). Hãy tắt máy quét, bật lại rồi thử lại; nếu vẫn lỗi, báo bộ phận hỗ trợ.`,
    en: (p: Params) => `The scanner reported an error (${p.reason}). Switch it off and on and try again; if it persists, contact support.`,
  },
  'scanner.unsupported': {
    vi: (p: Params) => `Máy quét không hỗ trợ lựa chọn này (${p.option}). Hãy chọn chế độ quét khác.`,
    en: (p: Params) => `The scanner does not support this setting (${p.option}). Choose another setting.`,
  },
  // Scanning (issue 5): the TWAIN worker process stopped mid-scan.
  'scanner.driver-crashed': {
    vi: () => 'Trình điều khiển máy quét (TWAIN) bị dừng đột ngột. Các trang đã quét xong vẫn được giữ; hãy bấm "Quét" để quét tiếp. Nếu lặp lại, tắt máy quét, bật lại rồi báo bộ phận hỗ trợ.',
    en: () => 'The scanner driver (TWAIN) stopped unexpectedly. Pages already scanned are kept; scan again to continue. If it happens again, switch the scanner off and on and contact support.',
  },
  'printer.none-chosen': {
    vi: () => 'Chưa chọn máy in cho phiếu này và máy tính chưa có máy in mặc định. Hãy chọn máy in (Cài đặt → Máy in) hoặc nhờ bộ phận hỗ trợ cài máy in; hồ sơ đã lưu, có thể in lại sau.',
    en: () => 'No printer is chosen for this slip and this PC has no default printer. Choose a printer (Settings → Printer) or ask support to install one; the dossier is saved and can be printed later.',
  },
  'printer.not-found': {
    vi: (p: Params) => `Không tìm thấy máy in "${p.printer}". Hãy kiểm tra máy in đã bật và đã cài trên máy tính, rồi chọn lại máy in.`,
    en: (p: Params) => `Printer "${p.printer}" not found. Check it is switched on and installed on this PC, then choose the printer again.`,
  },
  'printer.job-failed': {
    vi: (p: Params) => `Máy in "${p.printer}" không in được phiếu (lệnh in ${p.job}: ${p.reason}). Hãy kiểm tra máy in (giấy, mực, cáp) rồi bấm "In lại".`,
    en: (p: Params) => `Printer "${p.printer}" did not print the slip (job ${p.job}: ${p.reason}). Check the printer (paper, toner, cable) and press "Reprint".`,
  },
  'printer.job-stuck': {
    vi: (p: Params) => `Lệnh in ${p.job} trên máy in "${p.printer}" chưa xong sau ${p.seconds} giây. Hãy kiểm tra máy in còn giấy và đang bật; phiếu vẫn được lưu để in lại.`,
    en: (p: Params) => `Print job ${p.job} on "${p.printer}" has not finished after ${p.seconds} seconds. Check the printer has paper and is on; the slip is kept for reprinting.`,
  },
  'printer.unavailable': {
    vi: (p: Params) => `Không dùng được dịch vụ in trên máy này (${p.reason}). Hãy khởi động lại máy tính; nếu vẫn lỗi, báo bộ phận hỗ trợ.`,
    en: (p: Params) => `The printing service is not available on this PC (${p.reason}). Restart the PC; if it persists, contact support.`,
  },
  // Sync with the city hub (issue 7, scheduler and sync.* calls): enrolment and the status badge.
  'sync.not-enrolled': {
    vi: () => 'Máy này chưa đăng ký với máy chủ thành phố. Hãy nhờ quản trị viên nhập mã đăng ký (Cài đặt → Đồng bộ); hồ sơ vẫn được lưu trên máy.',
    en: () => 'This PC is not enrolled with the city hub. Ask an administrator to enter the enrolment code (Settings → Sync); dossiers are kept on this PC.',
  },
  'sync.already-enrolled': {
    vi: (p: Params) => `Máy này đã đăng ký với máy chủ ${p.hubUrl}. Muốn đăng ký lại, hãy báo bộ phận hỗ trợ để thu hồi đăng ký cũ trước.`,
    en: (p: Params) => `This PC is already enrolled with ${p.hubUrl}. To enrol again, ask support to revoke the old enrolment first.`,
  },
  'sync.enrol-code-invalid': {
    vi: () => 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Hãy kiểm tra lại mã, hoặc xin mã mới từ trung tâm dữ liệu thành phố.',
    en: () => 'The enrolment code is wrong, already used or expired. Check the code, or ask the city data centre for a new one.',
  },
  'sync.hub-signature': {
    vi: () => 'Máy chủ trả lời không có chữ ký của máy chủ thành phố ghi trong gói cài đặt, nên máy không đăng ký với nó. Hãy báo trung tâm dữ liệu kiểm tra địa chỉ máy chủ.',
    en: () => "The hub's answer is not signed by the city hub named in the provisioning package, so the PC did not enrol with it. Ask the data centre to check the hub address.",
  },
  'sync.hub-unreachable': {
    vi: (p: Params) => `Không kết nối được máy chủ thành phố (${p.hubUrl}). Hãy kiểm tra mạng và địa chỉ máy chủ; các thay đổi vẫn được giữ trên máy và sẽ tự gửi khi có mạng.`,
    en: (p: Params) => `Cannot reach the city hub (${p.hubUrl}). Check the network and the hub address; changes are kept on this PC and will be sent when the link is back.`,
  },
  'sync.hub-error': {
    vi: (p: Params) => `Máy chủ thành phố báo lỗi (${p.reason}). Phần mềm sẽ tự thử lại; nếu lỗi kéo dài, báo bộ phận hỗ trợ.`,
    en: (p: Params) => `The city hub reported an error (${p.reason}). The application will retry; if it persists, contact support.`,
  },
  'sync.device-refused': {
    vi: () => 'Máy chủ thành phố không nhận máy này (chưa đăng ký hoặc đã bị thu hồi). Hãy nhờ quản trị viên liên hệ trung tâm dữ liệu; hồ sơ vẫn được giữ trên máy.',
    en: () => 'The city hub does not accept this PC (not enrolled or revoked). Ask an administrator to contact the data centre; dossiers are kept on this PC.',
  },
  'sync.out-of-step': {
    vi: () => 'Thứ tự gửi thay đổi lệch với máy chủ thành phố. Hãy báo bộ phận hỗ trợ; dữ liệu vẫn được giữ trên máy.',
    en: () => 'The order of changes is out of step with the city hub. Contact support; the data is kept on this PC.',
  },
  'sync.unavailable': {
    vi: () => 'Đồng bộ không chạy trong chế độ này (dòng lệnh). Hãy mở phần mềm Motcua Desk để đồng bộ.',
    en: () => 'Sync does not run in this mode (command line). Open the Motcua Desk application to sync.',
  },
  'sync.clock-wrong': {
    vi: (p: Params) => `Đồng hồ máy tính lệch ${p.minutes} phút so với máy chủ thành phố. Hãy chỉnh ngày giờ máy tính (ngày hẹn trả và giờ nhận trên phiếu dựa vào đồng hồ này).`,
    en: (p: Params) => `This PC's clock is ${p.minutes} minutes off the city hub's. Correct the PC's date and time (receipt times and due dates rely on it).`,
  },
  // Sync, issue 7c: protocol negotiation and conflicts between this PC and the hub.
  'sync.upgrade-required': {
    vi: () => 'Phiên bản phần mềm này đã cũ, máy chủ thành phố không nhận đồng bộ nữa. Hãy cập nhật Motcua Desk; hồ sơ vẫn được giữ trên máy và sẽ gửi sau khi cập nhật.',
    en: () => 'This version of the application is too old for the city hub to sync with. Update Motcua Desk; dossiers are kept on this PC and will be sent after the update.',
  },
  'sync.conflict-not-found': {
    vi: () => 'Không tìm thấy xung đột này, hoặc nó đã được xử lý. Hãy tải lại danh sách xung đột.',
    en: () => 'This conflict was not found or is already settled. Reload the list of conflicts.',
  },
  'sync.conflict-status-local': {
    vi: () => 'Không thể giữ trạng thái của máy này vì máy chủ đã chuyển hồ sơ sang trạng thái khác. Hãy chọn giữ theo máy chủ, rồi thực hiện lại thao tác trên hồ sơ nếu vẫn cần.',
    en: () => "This PC's status cannot be kept because the hub moved the dossier to another status. Choose the hub's version, then perform the action on the dossier again if still needed.",
  },
  // Sync refusals shown on the "Đồng bộ" screen (issue 7/8).
  'sync.rejection-not-found': {
    vi: () => 'Không tìm thấy thay đổi bị từ chối này. Hãy tải lại danh sách.',
    en: () => 'This refused change was not found. Reload the list.',
  },
  // Backups started from the Settings screen (issue 8).
  'backup.already-running': {
    vi: () => 'Đang có một bản sao lưu được tạo. Hãy chờ bản này xong rồi mới sao lưu tiếp.',
    en: () => 'A backup is already being made. Wait for it to finish before starting another.',
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
