/**
 * Scanning for the counter: the scanners every driver finds, the remembered default, scan jobs
 * into a dossier's document, the clerk's page corrections and the document's PDF. Rotation is
 * metadata (the PDF page's /Rotate), so correcting a page never re-encodes it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { pageFilePath, removePageFiles, thumbFilePath } from '../../devices/scanner/pipeline/page-files';
import { A4, A5, type ScanDevice, type Scanner, type ScanOptions } from '../../devices/scanner/scanner';
import { scanToPdf } from '../../documents/scan-to-pdf';
import type { Store } from '../../store/db';
import { getDocument } from '../../store/repos/documents';
import { countPagesWithHash, deletePage, getPage, listPages, reorderPages, updatePage, type PageRotation, type StoredPage } from '../../store/repos/pages';
import { getSetting, putSetting } from '../../store/repos/settings';
import type { Clock } from '../clock';
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

  constructor(private readonly deps: ScanningDeps) {
    this.recovered = recoverSpool(deps.store, deps.clock, deps.dataDir).catch(() => ({ finished: 0, removed: 0 }));
    this.jobs = new ScanJobs({ store: deps.store, clock: deps.clock, pagesDir: this.pagesDir, ready: this.recovered });
  }

  get pagesDir(): string {
    return join(this.deps.dataDir, 'pages');
  }

  /** Every device every driver finds; a driver that cannot run here (no libsane) adds nothing. */
  async listScanners(): Promise<{ devices: ScanDevice[]; defaultId: string | null }> {
    const found = await Promise.all(this.deps.drivers.map((d) => d.listDevices().catch(() => [] as ScanDevice[])));
    return { devices: found.flat(), defaultId: this.defaultId() };
  }

  defaultId(): string | null {
    const value = this.deps.store.read((db) => getSetting(db, DEFAULT_SCANNER_KEY));
    return typeof value === 'string' ? value : null;
  }

  setDefault(deviceId: string): void {
    this.driverFor(deviceId);
    this.deps.store.write((db) => putSetting(db, DEFAULT_SCANNER_KEY, deviceId, this.deps.clock.now().toISOString()));
  }

  startScan(request: ScanRequest): string {
    const deviceId = request.deviceId ?? this.defaultId();
    if (deviceId === null) throw new AppError('scanner.no-device', { device: '' });
    if (this.deps.store.read((db) => getDocument(db, request.documentId)) === undefined) throw new AppError('store.not-found', { entity: 'document' });
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

  private page(pageId: string): StoredPage {
    const page = this.deps.store.read((db) => getPage(db, pageId));
    if (page === undefined) throw new AppError('store.not-found', { entity: 'page' });
    return page;
  }

  pages(documentId: string): StoredPage[] {
    return this.deps.store.read((db) => listPages(db, documentId));
  }

  rotate(pageId: string, rotation: PageRotation): StoredPage[] {
    const page = this.page(pageId);
    this.deps.store.write((db) => updatePage(db, pageId, { rotation, blank: page.blank }));
    return this.pages(page.documentId);
  }

  /** Moves a page to `position` (clamped to the end); the others keep their relative order. */
  move(pageId: string, position: number): StoredPage[] {
    const page = this.page(pageId);
    this.deps.store.write((db) => {
      const order = listPages(db, page.documentId).map((p) => p.id).filter((id) => id !== pageId);
      order.splice(Math.min(position, order.length), 0, pageId);
      reorderPages(db, page.documentId, order);
    });
    return this.pages(page.documentId);
  }

  /** Deletes a page, closes the gap, and removes its file once no other page shares it. */
  delete(pageId: string): StoredPage[] {
    const page = this.page(pageId);
    const unused = this.deps.store.write((db) => {
      deletePage(db, pageId);
      reorderPages(db, page.documentId, listPages(db, page.documentId).map((p) => p.id));
      return countPagesWithHash(db, page.sha256) === 0;
    });
    if (unused) removePageFiles(this.pagesDir, page.sha256);
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
  thumbnail(pageId: string): { page: StoredPage; webp: Buffer } {
    const page = this.page(pageId);
    return { page, webp: readFileSync(thumbFilePath(this.pagesDir, page.sha256)) };
  }

  /** A page's stored image (JPEG) as scanned; its rotation is metadata the viewer applies. */
  image(pageId: string): { page: StoredPage; jpeg: Buffer } {
    const page = this.page(pageId);
    return { page, jpeg: readFileSync(pageFilePath(this.pagesDir, page.sha256)) };
  }

  /** Writes the document's PDF to `<data folder>/exports/<document id>.pdf`; blank-flagged pages are left out. */
  async documentPdf(documentId: string): Promise<{ path: string; pages: number; bytes: number }> {
    const doc = this.deps.store.read((db) => getDocument(db, documentId));
    if (doc === undefined) throw new AppError('store.not-found', { entity: 'document' });
    const pages = this.pages(documentId).filter((p) => !p.blank);
    const pdf = await scanToPdf(
      pages.map((p) => ({ jpeg: pageFilePath(this.pagesDir, p.sha256), rotation: p.rotation })),
      { title: doc.title, date: this.deps.clock.now() },
    );
    const dir = join(this.deps.dataDir, 'exports');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${documentId}.pdf`);
    writeFileSync(path, pdf);
    return { path, pages: pages.length, bytes: pdf.length };
  }
}
