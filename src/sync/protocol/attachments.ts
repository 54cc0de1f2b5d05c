/**
 * The attachments lane of the protocol (sync.md §4.7): scanned pages and kept slip PDFs move by
 * SHA-256, apart from dossier mutations. Uploads are tus-like: the hub says how many bytes of a
 * file it holds, the PC sends the next chunk at that offset with the chunk's own SHA-256, and the
 * hub checks the whole file's hash before keeping it. Every route names the dossier, so the hub
 * can refuse another commune's. A link (which page of which document) is recorded once the file
 * is whole, and numbered per commune so another PC of the commune can list and download it.
 */
import { z } from 'zod';

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** What a file is to its dossier. */
export const attachmentKind = z.enum(['page', 'slip']);
export type AttachmentKind = z.infer<typeof attachmentKind>;

/** Request headers of a chunk (PATCH …/attachments/:sha256, body application/offset+octet-stream). */
export const CHUNK_HEADERS = { offset: 'upload-offset', length: 'upload-length', sha256: 'chunk-sha256' } as const;
export const CHUNK_CONTENT_TYPE = 'application/offset+octet-stream';
/** Largest chunk the hub takes; the PC sends 1 MiB by default (a cut costs at most that). */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** GET …/attachments/:sha256/status and the answer to every chunk. */
export const blobStatus = z.object({
  sha256: sha256Hex,
  /** Bytes of the file the hub holds (all of them once `complete`). */
  received: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof blobStatus>;

/** 409 on a chunk whose offset is not where the hub stands: continue from `received`. */
export const offsetMismatch = z.object({ error: z.literal('offset-mismatch'), received: z.number().int().nonnegative() });

/** The document row a page belongs to, as the uploading PC holds it. */
export const documentMeta = z.object({ id: z.string().min(1), kind: z.string().min(1), title: z.string(), position: z.number().int().nonnegative() });
/** The page row, as the uploading PC holds it. */
export const pageMeta = z.object({
  id: z.string().min(1),
  position: z.number().int(),
  bytes: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  blank: z.boolean(),
  createdAt: z.string(),
});
export type PageMeta = z.infer<typeof pageMeta>;

/** POST /v1/dossiers/:dossierId/attachments: records a whole file against the dossier. */
export const attachmentLink = z.object({
  sha256: sha256Hex,
  kind: attachmentKind,
  /** Page id, or the slip's own hash: unique per dossier and kind. */
  refId: z.string().min(1).max(128),
  document: documentMeta.nullable(),
  page: pageMeta.nullable(),
});
export type AttachmentLink = z.infer<typeof attachmentLink>;

/** One recorded link, for the other PCs of the commune; `version` is the commune's attachment counter. */
export const attachmentItem = attachmentLink.extend({ dossierId: z.string(), size: z.number().int().nonnegative(), version: z.number().int().positive() });
export type AttachmentItem = z.infer<typeof attachmentItem>;

/** GET /v1/attachments?after=&limit= */
export const attachmentListQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const attachmentList = z.object({ items: z.array(attachmentItem), cursor: z.number().int().nonnegative(), hasMore: z.boolean() });
export type AttachmentList = z.infer<typeof attachmentList>;
