/**
 * The API contract: every call the renderer (or CLI) can make, by name, with zod schemas for
 * input and output. Electron IPC, the browser host's `POST /api/<name>` and the CLI are all
 * derived from this table, so a call name is written exactly once.
 */
import { z } from 'zod';
import type { Role } from '../dossier/roles';
import { AccountList, AccountSummary, ChangePasswordInput, CreateAccountInput, CurrentSession, LoginInput, LoginOutput, SessionUser, UnlockInput } from './accounts';
// Provisioned PCs, the training sandbox and the account lifecycle (issue 12)
import { AccountIdInput, ChoosePasswordInput, PasswordReset, UpdateAccountInput } from './accounts';
import { DeskStatus, DeskSwitchInput, ProvisionInput } from './desk';
// Audit of reads (issue 13)
import { DossierReaders, SubjectExport, SubjectExportInput, UnusualAccess, UnusualAccessInput } from './reports';
import { AppInfo, HealthReport } from './app';
import {
  AvailableTransitions,
  DossierHistory,
  DossierIdInput,
  DossierView,
  DraftIdInput,
  DraftList,
  DraftSaved,
  DraftSaveInput,
  DraftView,
  ProcedureListOutput,
  ReceiveInput,
  ReceiveOutput,
  TransitionInput,
  TransitionOutput,
} from './dossiers';
import { DossierSearchInput, DossierSearchResult, QueueToday, QueueTodayInput } from './queues';
import { ReportSummary, ReportSummaryInput } from './reports';
import { PrinterList, PrintLogEntry, PrintLogList, SetDefaultPrinterInput, SlipPdf, SlipPrintInput, SlipRefInput, SlipReprintInput } from './printing';
import { SyncStatusView } from './sync';
// Sync conflicts (issue 7c)
import { SyncConflictList, SyncConflictResolveInput, SyncConflictView } from './sync';
// Sync refusals on the "Đồng bộ" screen (issue 7/8)
import { SyncRejectionAckInput, SyncRejectionList, SyncRejectionView } from './sync';
import { DocumentIdInput, DocumentPages, DocumentPdf, PageIdInput, PageMoveInput, PageRotateInput, ScanJobInput, ScannerList, ScanStarted, ScanStartInput, ScanStatus, SetDefaultScannerInput } from './scanning';
// Settings tests, thumbnails and scanning into the intake form (issue 8, counter screens)
import { DraftDocument, DraftDocumentInput } from './dossiers';
import { PrinterTestInput, PrinterTestResult } from './printing';
// Register of received dossiers and slips kept with the dossier (issue 6, printing)
import { KeptSlipIdInput, KeptSlipList, RegisterInput, RegisterPrintInput } from './printing';
import { PageThumbnail, ScannerTestInput, ScannerTestResult } from './scanning';
// Backups from the Settings screen (issue 8)
import { BackupJobInput, BackupList, BackupStarted, BackupStatus } from './maintenance';
// The dossier screen's page viewer (issue 8, dossier screen)
import { PageImage } from './scanning';

const NoInput = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

/**
 * Who may make a call: `public` needs no session; `session` any session, even one locked for
 * idleness (unlock, logout); `signed-in` an unlocked session; a role list one of those roles.
 * Transitions of a dossier are checked again, per transition, against the state machine.
 */
export type Access = 'public' | 'session' | 'signed-in' | readonly Role[];

export const contract = {
  /** Version, data folder, commune and counts: the first thing every screen shows. */
  'app.info': { input: NoInput, output: AppInfo, access: 'public' },
  /** Quick self-check of the core (database reachable and intact, data folder writable). */
  'health.check': { input: NoInput, output: HealthReport, access: 'public' },
  /** Signs in with a local account; the token goes with every later call. */
  'session.login': { input: LoginInput, output: LoginOutput, access: 'public' },
  /** Who is signed in on this token, and whether the screen is locked; `user` is null without a session. */
  'session.current': { input: NoInput, output: CurrentSession, access: 'public' },
  /** Ends the session; the token stops working at once. */
  'session.logout': { input: NoInput, output: Done, access: 'session' },
  /** Unlocks a session locked after idle time, with the account's password. */
  'session.unlock': { input: UnlockInput, output: SessionUser, access: 'session' },
  /** Changes the signed-in account's password; needs the current one. */
  'account.change-password': { input: ChangePasswordInput, output: Done, access: 'signed-in' },
  /** Creates a local account (administrators only). */
  'account.create': { input: CreateAccountInput, output: AccountSummary, access: ['admin'] },
  /** Every local account, by user name (administrators only). */
  'account.list': { input: NoInput, output: AccountList, access: ['admin'] },
  // ---- Provisioning, the training sandbox, the account lifecycle (issue 12) ----
  /** Which data the PC works on (none yet, the commune's, the training sandbox) and how provisioning stands. */
  'desk.status': { input: NoInput, output: DeskStatus, access: 'public' },
  /** Applies a provisioning package (first start only: refused once the PC has a commune). */
  'desk.provision': { input: ProvisionInput, output: DeskStatus, access: 'public' },
  /** Opens the commune's data or the training sandbox; everyone is signed out. */
  'desk.switch': { input: DeskSwitchInput, output: DeskStatus, access: 'public' },
  /** Puts the training sandbox back to its starting data (administrators, in the sandbox only). */
  'desk.training-reset': { input: NoInput, output: DeskStatus, access: ['admin'] },
  /** Sets the password of an account that must choose one (setup code, reset); the session then works normally. */
  'account.choose-password': { input: ChoosePasswordInput, output: Done, access: 'session' },
  /** Changes an account's role, active flag or name; its sessions on every PC close. */
  'account.update': { input: UpdateAccountInput, output: AccountSummary, access: ['admin'] },
  /** Gives an account a one-time password; the person must choose a new one at the next sign-in. */
  'account.reset-password': { input: AccountIdInput, output: PasswordReset, access: ['admin'] },
  /** Today's queue: due today, overdue, waiting for a supplement, assigned to me; each section paged. */
  'queue.today': { input: QueueTodayInput, output: QueueToday, access: ['clerk', 'specialist', 'leader'] },
  /** One search box: a dossier code, a 12-digit ID number, a phone or a name (diacritics ignored). */
  'dossier.search': { input: DossierSearchInput, output: DossierSearchResult, access: ['clerk', 'specialist', 'leader'] },
  /** Counts for a period: received, resolved on time or late, pending, by procedure and channel. */
  'report.summary': { input: ReportSummaryInput, output: ReportSummary, access: ['leader', 'admin', 'clerk'] },
  /** The procedures in force today, with their form fields, papers and processing time (the intake picker). */
  'procedure.list': { input: NoInput, output: ProcedureListOutput, access: ['clerk', 'specialist', 'volunteer', 'leader'] },
  /** Autosaves a form, whole, under the id the screen chose; durable before it answers. A volunteer's is a dossier draft. */
  'draft.save': { input: DraftSaveInput, output: DraftSaved, access: ['clerk', 'volunteer'] },
  /** A draft as last saved (to reopen a form after a crash, or review a volunteer's draft). */
  'draft.get': { input: DraftIdInput, output: DraftView, access: ['clerk', 'volunteer'] },
  /** The caller's unsaved forms and the dossier drafts they may act on. */
  'draft.list': { input: NoInput, output: DraftList, access: ['clerk', 'volunteer'] },
  /** Throws away an unsaved form, or moves a dossier draft to discarded. */
  'draft.discard': { input: DraftIdInput, output: Done, access: ['clerk', 'volunteer'] },
  /** Receives a dossier (or accepts a volunteer's draft): checks, code, appointment and receipt slip, saved atomically. */
  'dossier.receive': { input: ReceiveInput, output: ReceiveOutput, access: ['clerk'] },
  /** One dossier in full; the read is recorded in its history. */
  'dossier.get': { input: DossierIdInput, output: DossierView, access: ['clerk', 'specialist', 'leader'] },
  /** The dossier's history: who did what and when, views included. */
  'dossier.history': { input: DossierIdInput, output: DossierHistory, access: ['clerk', 'specialist', 'leader'] },
  /** Any workflow transition by name (supplement, pause, resolve, return …), checked against the state machine and the row version. */
  'dossier.transition': { input: TransitionInput, output: TransitionOutput, access: ['clerk', 'specialist', 'leader'] },
  /** The transitions the signed-in role may make on the dossier now: the screen's buttons. */
  'dossier.transitions-available': { input: DossierIdInput, output: AvailableTransitions, access: ['clerk', 'specialist', 'leader'] },
  /** Scanners every driver finds (SANE, eSCL, TWAIN), with the remembered default. */
  'scanner.list': { input: NoInput, output: ScannerList, access: ['clerk', 'volunteer', 'admin'] },
  /** Remembers the counter's scanner on this PC. */
  'scanner.set-default': { input: SetDefaultScannerInput, output: Done, access: ['clerk', 'admin'] },
  /** Starts scanning into a dossier's document; returns a job id at once (poll `scan.status`). */
  'scan.start': { input: ScanStartInput, output: ScanStarted, access: ['clerk', 'volunteer'] },
  /** A scan job's state and the pages stored so far: the screen polls it for progress. */
  'scan.status': { input: ScanJobInput, output: ScanStatus, access: ['clerk', 'volunteer'] },
  /** Stops a scan at the device; pages already stored are kept. */
  'scan.cancel': { input: ScanJobInput, output: ScanStatus, access: ['clerk', 'volunteer'] },
  /** A document's scanned pages in order. */
  'document.pages': { input: DocumentIdInput, output: DocumentPages, access: ['clerk', 'volunteer', 'specialist', 'leader'] },
  /** Sets a page's rotation (applied in the PDF; the image is never re-encoded). */
  'page.rotate': { input: PageRotateInput, output: DocumentPages, access: ['clerk', 'volunteer'] },
  /** Moves a page to a new position in its document. */
  'page.move': { input: PageMoveInput, output: DocumentPages, access: ['clerk', 'volunteer'] },
  /** Deletes a page (its file goes once no page uses it). */
  'page.delete': { input: PageIdInput, output: DocumentPages, access: ['clerk', 'volunteer'] },
  /** The document's pages as one PDF in the data folder's exports; blank-flagged pages left out. */
  'document.pdf': { input: DocumentIdInput, output: DocumentPdf, access: ['clerk', 'volunteer', 'specialist', 'leader'] },
  /** A dossier's slip of a kind as PDF (base64) for the renderer's preview. */
  'slip.preview': { input: SlipRefInput, output: SlipPdf, access: ['clerk', 'specialist', 'leader'] },
  /** Renders, keeps and prints a slip; waits for the spooler's final state and logs it. */
  'slip.print': { input: SlipPrintInput, output: PrintLogEntry, access: ['clerk', 'specialist', 'leader'] },
  /** Prints the exact PDF of a logged print again. */
  'slip.reprint': { input: SlipReprintInput, output: PrintLogEntry, access: ['clerk', 'specialist', 'leader'] },
  /** A dossier's print log, newest first. */
  'slip.print-log': { input: DossierIdInput, output: PrintLogList, access: ['clerk', 'specialist', 'leader'] },
  /** The printers and the remembered receipt and A4 printers. */
  'printer.list': { input: NoInput, output: PrinterList, access: ['clerk', 'specialist', 'leader', 'admin'] },
  /** Remembers the printer for a paper on this PC. */
  'printer.set-default': { input: SetDefaultPrinterInput, output: Done, access: ['clerk', 'leader', 'admin'] },
  // ---- Register and kept slips (issue 6, printing) ----
  /** The register of dossiers received in [from, to) (Sổ theo dõi hồ sơ) as PDF (base64). */
  'register.preview': { input: RegisterInput, output: SlipPdf, access: ['leader', 'clerk', 'admin'] },
  /** Prints the register for [from, to) and logs it like a slip; waits for the spooler's final state. */
  'register.print': { input: RegisterPrintInput, output: PrintLogEntry, access: ['leader', 'clerk', 'admin'] },
  /** The slips kept with a dossier (every one rendered for preview or print, printed or not), newest first. */
  'slip.list': { input: DossierIdInput, output: KeptSlipList, access: ['clerk', 'specialist', 'leader'] },
  /** A kept slip's PDF, the exact bytes kept. */
  'slip.kept': { input: KeptSlipIdInput, output: SlipPdf, access: ['clerk', 'specialist', 'leader'] },
  // ---- Settings tests, thumbnails and scanning into the intake form (issue 8, counter screens) ----
  /** Prints the test page (no dossier) on a printer and waits for the spooler's final state. */
  'printer.test': { input: PrinterTestInput, output: PrinterTestResult, access: ['clerk', 'leader', 'admin'] },
  /** Scans one flatbed page as a test and returns its thumbnail; nothing is stored. */
  'scanner.test': { input: ScannerTestInput, output: ScannerTestResult, access: ['clerk', 'admin'] },
  /** A scanned page's thumbnail (WebP, base64). */
  'page.thumbnail': { input: PageIdInput, output: PageThumbnail, access: ['clerk', 'volunteer', 'specialist', 'leader'] },
  /** Saves the form and returns the document of one of its papers to scan into (a clerk's form becomes a dossier draft). */
  'draft.document': { input: DraftDocumentInput, output: DraftDocument, access: ['clerk', 'volunteer'] },
  // ---- The dossier screen's page viewer (issue 8, dossier screen) ----
  /** A scanned page's stored JPEG (base64) with its rotation, for the page viewer; same roles as document.pages. */
  'page.image': { input: PageIdInput, output: PageImage, access: ['clerk', 'volunteer', 'specialist', 'leader'] },
  // Sync with the city hub (issue 7): the status badge, "sync now" and enrolment of this PC.
  /** The link to the hub for the status badge: state, changes waiting, refusals, last error. */
  'sync.status': { input: NoInput, output: SyncStatusView, access: 'signed-in' },
  /** Syncs now instead of waiting for the timer; answers with the status once the attempt ends. */
  'sync.now': { input: NoInput, output: SyncStatusView, access: 'signed-in' },
  // ---- Sync conflicts (issue 7c, sync.md §4.6) ----
  /** Fields, statuses and account names changed both here and on the hub, not yet settled. */
  'sync.conflicts': { input: NoInput, output: SyncConflictList, access: ['clerk', 'leader'] },
  /** Settles one: keep the hub's value, or send this PC's value again as a new edit. */
  'sync.conflict-resolve': { input: SyncConflictResolveInput, output: SyncConflictView, access: ['clerk', 'leader'] },
  // ---- Sync refusals (issue 7: recorded and surfaced to the clerk) ----
  /** Changes the hub refused for good, newest first, with the hub's reason. */
  'sync.rejections': { input: NoInput, output: SyncRejectionList, access: ['clerk', 'leader'] },
  /** Marks one refusal as seen; the row stays for audit. */
  'sync.rejection-ack': { input: SyncRejectionAckInput, output: SyncRejectionView, access: ['clerk', 'leader'] },
  // ---- Audit of reads (issue 13) ----
  /** Who opened the dossier, viewed its pages or slips, or exported it: newest first. */
  'dossier.readers': { input: DossierIdInput, output: DossierReaders, access: ['leader', 'admin'] },
  /** Officers who read more dossiers in one hour of the period than the threshold (50 by default). */
  'report.unusual-access': { input: UnusualAccessInput, output: UnusualAccess, access: ['leader', 'admin'] },
  /** Everything this PC holds about one personal ID number, for the person's own request (each dossier recorded as exported). */
  'subject.export': { input: SubjectExportInput, output: SubjectExport, access: ['leader', 'admin'] },
  // ---- Backups from the Settings screen (issue 8). Clerks too: many communes have no administrator on site. ----
  /** Starts a backup of the database now (one at a time); returns at once with the job to poll. */
  'backup.start': { input: NoInput, output: BackupStarted, access: ['admin', 'clerk'] },
  /** A backup job's progress, and its file and size once done. */
  'backup.status': { input: BackupJobInput, output: BackupStatus, access: ['admin', 'clerk'] },
  /** The backups kept on this PC, newest first. */
  'backup.list': { input: NoInput, output: BackupList, access: ['admin', 'clerk'] },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType; access: Access }>;

export type Contract = typeof contract;
export type ApiName = keyof Contract;
export type ApiInput<N extends ApiName> = z.input<Contract[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Contract[N]['output']>;
/** The input as a handler receives it: after the contract's schema has parsed it. */
export type ApiParsedInput<N extends ApiName> = z.output<Contract[N]['input']>;

export const apiNames = Object.keys(contract) as ApiName[];

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
