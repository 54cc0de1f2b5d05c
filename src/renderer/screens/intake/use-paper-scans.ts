/**
 * Scanning papers from the intake form: per paper, the document its pages go to, the pages in
 * order with their thumbnails, and the scan in progress. The contract is request/response, so a
 * scan is started, then `scan.status` is polled and thumbnails are fetched as pages arrive.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

type Page = ApiOutput<'document.pages'>['pages'][number];
type Target = ApiOutput<'draft.document'>;

export interface PaperScan {
  readonly documentId: string | undefined;
  readonly pages: readonly Page[];
  readonly jobId: string | undefined;
  readonly error: string | undefined;
}

const POLL_MS = 300;
/** Counter scanners are mostly flatbeds; 200 dpi gray keeps text legible under the page budget. */
const SCAN_SETTINGS = { resolution: 200, colorMode: 'gray', source: 'flatbed' } as const;
const empty: PaperScan = { documentId: undefined, pages: [], jobId: undefined, error: undefined };
const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

export function usePaperScans() {
  const { pick } = useI18n();
  const [scans, setScans] = useState<Readonly<Record<string, PaperScan>>>({});
  const [thumbs, setThumbs] = useState<Readonly<Record<string, string>>>({});
  const asked = useRef(new Set<string>());

  const update = useCallback((key: string, change: Partial<PaperScan>) => {
    setScans((all) => ({ ...all, [key]: { ...(all[key] ?? empty), ...change } }));
  }, []);

  // Thumbnails are keyed by the image's hash: a page rotated or moved keeps its thumbnail.
  const fetchThumbs = useCallback((pages: readonly Page[]) => {
    for (const p of pages) {
      if (asked.current.has(p.sha256)) continue;
      asked.current.add(p.sha256);
      void call('page.thumbnail', { pageId: p.id }).then((r) => {
        if (r.ok) setThumbs((all) => ({ ...all, [p.sha256]: `data:image/webp;base64,${r.value.thumbnailBase64}` }));
        else asked.current.delete(p.sha256);
      });
    }
  }, []);

  const showPages = useCallback((key: string, documentId: string, pages: readonly Page[]) => {
    update(key, { documentId, pages });
    fetchThumbs(pages);
  }, [update, fetchThumbs]);

  /** Shows the pages already stored for a paper (a reopened draft). */
  const load = useCallback(async (key: string, documentId: string) => {
    const r = await call('document.pages', { documentId });
    if (r.ok) showPages(key, documentId, r.value.pages);
  }, [showPages]);

  /** Gets the paper's document from `target` (saving the form), scans into it and follows the job. */
  const scan = useCallback(async (key: string, target: () => Promise<ApiResult<Target>>): Promise<Target | undefined> => {
    update(key, { error: undefined, jobId: 'starting' });
    const doc = await target();
    if (!doc.ok) { update(key, { error: pick(doc.error.message), jobId: undefined }); return undefined; }
    const documentId = doc.value.documentId;
    const started = await call('scan.start', { documentId, ...SCAN_SETTINGS });
    if (!started.ok) { update(key, { documentId, error: pick(started.error.message), jobId: undefined }); return doc.value; }
    const jobId = started.value.jobId;
    update(key, { documentId, jobId });
    let seen = -1;
    for (;;) {
      const status = await call('scan.status', { jobId });
      if (!status.ok) { update(key, { error: pick(status.error.message), jobId: undefined }); break; }
      if (status.value.pages.length !== seen || status.value.state !== 'running') {
        seen = status.value.pages.length;
        const pages = await call('document.pages', { documentId });
        if (pages.ok) showPages(key, documentId, pages.value.pages);
      }
      if (status.value.state !== 'running') {
        const failed = status.value.state === 'failed' && status.value.error;
        update(key, { jobId: undefined, error: failed ? pick(status.value.error!.message) : undefined });
        break;
      }
      await wait(POLL_MS);
    }
    return doc.value;
  }, [update, pick, showPages]);

  const cancel = useCallback((key: string) => {
    const jobId = scans[key]?.jobId;
    if (jobId && jobId !== 'starting') void call('scan.cancel', { jobId });
  }, [scans]);

  const correct = useCallback(async (key: string, run: () => Promise<ApiResult<ApiOutput<'page.rotate'>>>) => {
    const documentId = scans[key]?.documentId;
    const r = await run();
    if (!r.ok) return update(key, { error: pick(r.error.message) });
    if (documentId) showPages(key, documentId, r.value.pages);
  }, [scans, update, pick, showPages]);

  const rotate = (key: string, pageId: string) => {
    const page = scans[key]?.pages.find((p) => p.id === pageId);
    const rotation = (((page?.rotation ?? 0) + 90) % 360) as 0 | 90 | 180 | 270;
    return correct(key, () => call('page.rotate', { pageId, rotation }));
  };
  const remove = (key: string, pageId: string) => correct(key, () => call('page.delete', { pageId }));
  const move = (key: string, pageId: string, delta: -1 | 1) => {
    const position = (scans[key]?.pages.findIndex((p) => p.id === pageId) ?? 0) + delta;
    if (position < 0) return Promise.resolve();
    return correct(key, () => call('page.move', { pageId, position }));
  };

  /** A new form: nothing scanned yet (thumbnails stay cached by hash). */
  const reset = useCallback(() => setScans({}), []);

  return { scans, thumbs, scan, cancel, load, rotate, remove, move, reset };
}
