/**
 * Binds scanning to the contract. The router has already checked the role and parsed the input.
 */
import { recordRead } from '../audit/reads';
import { signedIn } from '../dossiers/signed-in';
import type { Handlers } from '../router';
import { pageView } from './scan-jobs';
import type { ScanningService } from './scanning-service';

type ScanningCalls =
  | 'scanner.list'
  | 'scanner.set-default'
  | 'scan.start'
  | 'scan.status'
  | 'scan.cancel'
  | 'document.pages'
  | 'page.rotate'
  | 'page.move'
  | 'page.delete'
  | 'document.pdf'
  | 'scanner.test'
  | 'page.thumbnail'
  | 'page.image';

export function scanningHandlers(service: ScanningService): Pick<Handlers, ScanningCalls> {
  const pagesOf = (documentId: string, pages: ReturnType<ScanningService['pages']>) => ({ documentId, pages: pages.map(pageView) });
  return {
    'scanner.list': async () => {
      const { devices, defaultId } = await service.listScanners();
      return {
        defaultId,
        scanners: devices.map((d) => ({ id: d.id, driver: d.driver, label: d.label, isDefault: d.id === defaultId })),
      };
    },
    'scanner.set-default': async (input) => {
      await service.setDefault(input.deviceId);
      return { done: true as const };
    },
    'scan.start': (input, ctx) => ({ jobId: service.startScan(input, signedIn(ctx.user)) }),
    'scan.status': (input) => service.jobs.status(input.jobId),
    'scan.cancel': (input) => service.jobs.cancel(input.jobId),
    'document.pages': (input, ctx) => pagesOf(input.documentId, service.documentPages(input.documentId, signedIn(ctx.user))),
    'page.rotate': (input, ctx) => {
      const pages = service.rotate(input.pageId, input.rotation, signedIn(ctx.user));
      return pagesOf(pages[0]?.documentId ?? '', pages);
    },
    'page.move': (input, ctx) => {
      const pages = service.move(input.pageId, input.position, signedIn(ctx.user));
      return pagesOf(pages[0]?.documentId ?? '', pages);
    },
    'page.delete': (input, ctx) => {
      const pages = service.delete(input.pageId, signedIn(ctx.user));
      return pagesOf(pages[0]?.documentId ?? '', pages);
    },
    'document.pdf': async (input, ctx) => {
      const pdf = await service.documentPdf(input.documentId, signedIn(ctx.user));
      recordRead(service.deps, signedIn(ctx.user), { documentId: input.documentId }, 'export');
      return pdf;
    },
    'scanner.test': async (input) => {
      const r = await service.testScan(input.deviceId);
      return { deviceId: r.deviceId, width: r.width, height: r.height, blank: r.blank, thumbnailBase64: r.thumbnail.toString('base64') };
    },
    'page.thumbnail': (input, ctx) => {
      const { page, webp } = service.thumbnail(input.pageId, signedIn(ctx.user));
      return { pageId: page.id, sha256: page.sha256, thumbnailBase64: webp.toString('base64') };
    },
    'page.image': (input, ctx) => {
      const { page, jpeg } = service.image(input.pageId, signedIn(ctx.user));
      recordRead(service.deps, signedIn(ctx.user), { pageId: page.id }, 'view-page');
      return { pageId: page.id, jpegBase64: jpeg.toString('base64'), rotation: page.rotation, width: page.width, height: page.height };
    },
  };
}
