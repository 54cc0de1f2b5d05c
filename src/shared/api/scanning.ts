/**
 * Scanning calls: scanners, scan jobs into a dossier's document, page corrections and the
 * document's PDF. The contract is request/response, so a scan returns a job id at once and the
 * screen polls `scan.status` for pages as they arrive.
 */
import { z } from 'zod';

const ColorModeSchema = z.enum(['color', 'gray', 'bw']);
const SourceSchema = z.enum(['flatbed', 'adf', 'adf-duplex']);

export const ScannerListItem = z.object({
  id: z.string(),
  driver: z.enum(['sane', 'escl', 'twain']),
  label: z.string(),
  isDefault: z.boolean(),
});
export const ScannerList = z.object({ scanners: z.array(ScannerListItem), defaultId: z.string().nullable() });

export const SetDefaultScannerInput = z.object({ deviceId: z.string().min(1).max(300) }).strict();

export const ScanStartInput = z
  .object({
    documentId: z.string().min(1).max(64),
    /** Omitted: the remembered default scanner. */
    deviceId: z.string().min(1).max(300).optional(),
    source: SourceSchema.default('flatbed'),
    colorMode: ColorModeSchema.default('gray'),
    resolution: z.number().int().min(75).max(600).default(300),
    pageSize: z.enum(['A4', 'A5']).default('A4'),
  })
  .strict();

export const ScanJobInput = z.object({ jobId: z.string().min(1).max(64) }).strict();

/**
 * 400 KB per page keeps a 10-page dossier under the portal's usual upload limits [tunable]. The
 * pipeline lowers the JPEG quality to meet it; a page still over it at the quality floor (a photo,
 * a heavily patterned paper) is kept and flagged so the clerk can rescan it in gray or keep it.
 */
export const PAGE_TARGET_BYTES = 400 * 1024;

export const ScanPageView = z.object({
  id: z.string(),
  position: z.number().int(),
  sha256: z.string(),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  blank: z.boolean(),
  /** Over `PAGE_TARGET_BYTES` even at the lowest quality the pipeline allows. */
  oversize: z.boolean(),
});

export const ScanStatus = z.object({
  jobId: z.string(),
  documentId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Pages stored so far by this job, in order. */
  pages: z.array(ScanPageView),
  /** The clerk's message when the job failed; pages stored before the failure are kept. */
  error: z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) }).nullable(),
});

export const ScanStarted = z.object({ jobId: z.string() });

export const PageRotateInput = z
  .object({ pageId: z.string().min(1).max(64), rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) })
  .strict();
export const PageMoveInput = z.object({ pageId: z.string().min(1).max(64), position: z.number().int().min(0) }).strict();
export const PageIdInput = z.object({ pageId: z.string().min(1).max(64) }).strict();
export const DocumentIdInput = z.object({ documentId: z.string().min(1).max(64) }).strict();

export const DocumentPages = z.object({ documentId: z.string(), pages: z.array(ScanPageView) });
export const DocumentPdf = z.object({ path: z.string(), pages: z.number().int(), bytes: z.number().int() });

/** `scanner.test`: one flatbed page from a scanner (the remembered one when omitted), kept nowhere. */
export const ScannerTestInput = z.object({ deviceId: z.string().min(1).max(300).optional() }).strict();
export const ScannerTestResult = z.object({
  deviceId: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  blank: z.boolean(),
  /** The page's 200 px WebP thumbnail, base64. */
  thumbnailBase64: z.string(),
});

/** A scanned page's thumbnail (WebP, base64) for the screens; the image itself stays on disk. */
export const PageThumbnail = z.object({ pageId: z.string(), sha256: z.string(), thumbnailBase64: z.string() });

/** `page.image`: a scanned page's stored JPEG for the dossier's page viewer; rotation is applied on screen. */
export const PageImage = z.object({
  pageId: z.string(),
  jpegBase64: z.string(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  width: z.number().int(),
  height: z.number().int(),
});
