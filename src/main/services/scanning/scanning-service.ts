/**
 * Scanning for the counter: the scanners every driver finds, the remembered default, scan jobs
 * into a dossier's document, the clerk's page corrections and the document's PDF. Rotation is
 * metadata (the PDF page's /Rotate), so correcting a page never re-encodes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionUser } from '../../../shared/api/accounts';
import { AppError } from '../../../shared/api/errors';
import { pageFilePath, removePageFiles, thumbFilePath } from '../../devices/scanner/pipeline/page-files';
import { A4, A5, type ScanDevice, type Scanner, type ScanOptions } from '../../devices/scanner/scanner';
import { scanToPdf } from '../../documents/scan-to-pdf';
import type { ReadDb, Store } from '../../store/db';
import { getDocument, type StoredDocument } from '../../store/repos/documents';
import { getDossierById } from '../../store/repos/dossiers';
import { countPagesWithHash, deletePage, getPage, listPages, reorderPages, updatePage, type PageRotation, type StoredPage } from '../../store/repos/pages';
import { getSetting, putSetting } from '../../store/repos/settings';
import type { Clock } from '../clock';
import { recordDossierEvent } from '../dossiers/record-event';
import { makePrivateDir, tightenDataFolder } from '../settings/data-dir';
import { mayTouchDossierDraft } from '../intake/draft-owner';
import { pathSafeId, pathSafeSha256 } from './path-ids';
import { ScanJobs } from './scan-jobs';
import { recoverSpool, type SpoolRecovery } from './spool-recovery';
import { scanTestPage, type TestScanResult } from './test-scan';

const DEFAULT_SCANNER_KEY = 'scanner.default';

export interface ScanningDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly drivers: readonly Scanner[];
}

export interface ScanRequest {
  readonly documentId: string;
  readonly deviceId?: string | undefined;
  readonly source: ScanOptions['source'];
  readonly colorMode: ScanOptions['colorMode'];
  readonly resolution: number;
  readonly pageSize: 'A4' | 'A5';
}

export class ScanningService {
  readonly jobs: ScanJobs;

  /**
   * Pages a crash left in the spool, finished or removed (spool-recovery.ts). A failure here
   * leaves them for the next start rather than stopping scanning.
   */
  readonly recovered: Promise<SpoolRecovery>;

  constructor(readonly deps: ScanningDeps) {
    // Every core opens through here: the data folder and its subfolders lose group and other
    // permissions (POSIX) before anything is read from them (settings/data-dir.ts).
    try {
      tightenDataFolder(deps.dataDir);
    } catch {
      // A folder of another owner cannot be changed; the counter still opens.
    }
    this.recovered = recoverSpool(deps.store, deps.clock, deps.dataDir).catch(() => ({ finished: 0, removed: 0 }));
    this.jobs = new ScanJobs({ store: deps.store, clock: deps.clock, pagesDir: this.pagesDir, ready: this.recovered });
  }

  get pagesDir(): string {
    return join(this.deps.dataDir, 'pages');
  }

  /** Every device every driver finds; a driver that cannot run here (no libsane) adds nothing. */
  async listScanners(): Promise<{ devices: ScanDevice[]; defaultId: string | null }> {
    const found = await Promise.all(this.deps.drivers.map((d) => d.listDevices().catch(() => [] as ScanDevice[])));
    this.#listed = new Set(found.flat().map((d) => d.id));
    return { devices: found.flat(), defaultId: this.defaultId() };
  }

  /** Ids of the latest `listScanners`: the only ones the PC's default may be set to. */
  #listed = new Set<string>();

  defaultId(): string | null {
    const value = this.deps.store.read((db) => getSetting(db, DEFAULT_SCANNER_KEY));
    return typeof value === 'string' ? value : null;
  }

  /**
   * Remembers `deviceId` as the PC's scanner. Only an id of the latest listing is accepted (one
   * fresh listing is made when it is not there), never an id a caller made up.
   */
  async setDefault(deviceId: string): Promise<void> {
    this.driverFor(deviceId);
    if (!this.#listed.has(deviceId)) await this.listScanners();
    if (!this.#listed.has(deviceId)) throw new AppError('scanner.unknown-device');
    this.deps.store.write((db) => putSetting(db, DEFAULT_SCANNER_KEY, deviceId, this.deps.clock.now().toISOString()));
  }

  startScan(request: ScanRequest, user: SessionUser): string {
    const deviceId = request.deviceId ?? this.defaultId();
    if (deviceId === null) throw new AppError('scanner.no-device', { device: '' });
    this.deps.store.read((db) => this.documentFor(db, user, request.documentId, 'scan.start'));
    const options: ScanOptions = {
      source: request.source,
      colorMode: request.colorMode,
      resolution: request.resolution,
      pageSize: request.pageSize === 'A5' ? A5 : A4,
    };
    return this.jobs.start(this.driverFor(deviceId), deviceId, request.documentId, options);
  }

  private driverFor(deviceId: string): Scanner {
    const driver = this.deps.drivers.find((d) => deviceId.startsWith(`${d.driver}:`));
    if (driver === undefined) throw new AppError('scanner.no-device', { device: deviceId });
    return driver;
  }

  /**
   * The document, if `user` may touch its pages. A volunteer may touch only the pages of their
   * own drafts (status `draft`, started by them); the other roles as the contract lets them.
   */
  private documentFor(db: ReadDb, user: SessionUser, documentId: string, action: string): StoredDocument {
    const doc = getDocument(db, documentId);
    if (doc === undefined) throw new AppError('store.not-found', { entity: 'document' });
    if (user.role === 'volunteer') {
      const dossier = getDossierById(db, doc.dossierId);
      if (dossier?.status !== 'draft' || !mayTouchDossierDraft(db, user, dossier.id)) throw new AppError('auth.forbidden', { role: user.role, action });
    }
    return doc;
  }

  private page(pageId: string, user: SessionUser, action: string): StoredPage {
    return this.deps.store.read((db) => {
      const page = getPage(db, pageId);
      if (page === undefined) throw new AppError('store.not-found', { entity: 'page' });
      this.documentFor(db, user, page.documentId, action);
      return page;
    });
  }

  /** The document's pages in order (for a volunteer, only of their own drafts). */
  documentPages(documentId: string, user: SessionUser): StoredPage[] {
    this.deps.store.read((db) => this.documentFor(db, user, documentId, 'document.pages'));
    return this.pages(documentId);
  }

  pages(documentId: string): StoredPage[] {
    return this.deps.store.read((db) => listPages(db, documentId));
  }

  rotate(pageId: string, rotation: PageRotation, user: SessionUser): StoredPage[] {
    const page = this.page(pageId, user, 'page.rotate');
    this.deps.store.write((db) => updatePage(db, pageId, { rotation, blank: page.blank }));
    return this.pages(page.documentId);
  }

  /** Moves a page to `position` (clamped to the end); the others keep their relative order. */
  move(pageId: string, position: number, user: SessionUser): StoredPage[] {
    const page = this.page(pageId, user, 'page.move');
    this.deps.store.write((db) => {
      const order = listPages(db, page.documentId).map((p) => p.id).filter((id) => id !== pageId);
      order.splice(Math.min(position, order.length), 0, pageId);
      reorderPages(db, page.documentId, order);
    });
    return this.pages(page.documentId);
  }

  /**
   * Deletes a page, closes the gap, and removes its file once no other page shares it. The
   * deletion is a `page-delete` event in the dossier's history, in the same transaction; for a
   * dossier past its draft the event also goes to the hub as an event-only mutation (the kind
   * `dossier.viewed` carries, like a view, the event alone and no dossier data).
   */
  delete(pageId: string, user: SessionUser): StoredPage[] {
    const page = this.page(pageId, user, 'page.delete');
    const sha256 = pathSafeSha256(page.sha256, 'page');
    const at = this.deps.clock.now().toISOString();
    const unused = this.deps.store.write(
      (db) => {
        const doc = this.documentFor(db, user, page.documentId, 'page.delete');
        const dossier = getDossierById(db, doc.dossierId);
        if (!deletePage(db, pageId)) throw new AppError('store.not-found', { entity: 'page' });
        reorderPages(db, page.documentId, listPages(db, page.documentId).map((p) => p.id));
        if (dossier !== undefined) {
          const local = dossier.status === 'draft' || dossier.status === 'discarded';
          recordDossierEvent(
            db,
            { dossier, at, actorId: user.id, action: 'page-delete', data: { documentId: doc.id, documentKind: doc.kind, pageId, position: page.position, sha256 } },
            local ? null : 'dossier.viewed',
          );
        }
        return countPagesWithHash(db, page.sha256) === 0;
      },
      { durable: true },
    );
    if (unused) removePageFiles(this.pagesDir, sha256);
    return this.pages(page.documentId);
  }

  /** One test page from `deviceId` (or the remembered scanner); nothing is stored. */
  async testScan(deviceId: string | undefined): Promise<TestScanResult & { deviceId: string }> {
    const id = deviceId ?? this.defaultId();
    if (id === null) throw new AppError('scanner.no-device', { device: '' });
    if (this.jobs.isBusy(id)) throw new AppError('scanner.busy');
    return { deviceId: id, ...(await scanTestPage(this.driverFor(id), id)) };
  }

  /** A page's thumbnail bytes (WebP). */
  thumbnail(pageId: string, user: SessionUser): { page: StoredPage; webp: Buffer } {
    const page = this.page(pageId, user, 'page.thumbnail');
    return { page, webp: readFileSync(thumbFilePath(this.pagesDir, pathSafeSha256(page.sha256, 'page'))) };
  }

  /** A page's stored image (JPEG) as scanned; its rotation is metadata the viewer applies. */
  image(pageId: string, user: SessionUser): { page: StoredPage; jpeg: Buffer } {
    const page = this.page(pageId, user, 'page.image');
    return { page, jpeg: readFileSync(pageFilePath(this.pagesDir, pathSafeSha256(page.sha256, 'page'))) };
  }

  /** Writes the document's PDF to `<data folder>/exports/<document id>.pdf`; blank-flagged pages are left out. */
  async documentPdf(documentId: string, user: SessionUser): Promise<{ path: string; pages: number; bytes: number }> {
    // The id becomes a file name: it may have come from the hub, so it must be a UUID.
    const fileId = pathSafeId(documentId, 'document');
    const doc = this.deps.store.read((db) => this.documentFor(db, user, documentId, 'document.pdf'));
    const pages = this.pages(documentId).filter((p) => !p.blank);
    const pdf = await scanToPdf(
      pages.map((p) => ({ jpeg: pageFilePath(this.pagesDir, pathSafeSha256(p.sha256, 'page')), rotation: p.rotation })),
      { title: doc.title, date: this.deps.clock.now() },
    );
    const dir = join(this.deps.dataDir, 'exports');
    makePrivateDir(dir);
    const path = join(dir, `${fileId}.pdf`);
    writeFileSync(path, pdf);
    return { path, pages: pages.length, bytes: pdf.length };
  }
}
