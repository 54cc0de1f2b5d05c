import { describe, expect, it } from 'vitest';
import { PAGE_TARGET_BYTES, ScanPageView } from '../../../shared/api/scanning';
import type { StoredPage } from '../../store/repos/pages';
import { pageView } from './scan-jobs';

const page = (bytes: number, blank = false): StoredPage => ({
  id: 'p1',
  documentId: 'd1',
  position: 0,
  sha256: 'a'.repeat(64),
  bytes,
  width: 2480,
  height: 3508,
  rotation: 90,
  blank,
  createdAt: '2026-11-23T02:00:00.000Z',
});

describe('pageView', () => {
  it('flags a page the pipeline could not bring under the size target, and only such a page', () => {
    expect(pageView(page(PAGE_TARGET_BYTES)).oversize).toBe(false);
    expect(pageView(page(PAGE_TARGET_BYTES + 1)).oversize).toBe(true);
  });

  it('answers what the contract promises, blank guess included', () => {
    const view = pageView(page(1000, true));
    expect(ScanPageView.parse(view)).toEqual({ id: 'p1', position: 0, sha256: 'a'.repeat(64), bytes: 1000, width: 2480, height: 3508, rotation: 90, blank: true, oversize: false });
  });
});
