import { beforeAll, describe, expect, it } from 'vitest';
import { birthReceipt, loginAs, newFormId, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';
import { useSaneTestBackend } from '../../devices/scanner/sane/sane-test-config';

const tempDir = useTempDirs();

describe('page.image: a scanned page for the dossier screen’s viewer (real SQLite, SANE test backend)', () => {
  beforeAll(() => {
    useSaneTestBackend();
  });

  it('returns the stored JPEG with its size and current rotation, and a typed error for an unknown page', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      const id = newFormId();
      const { from: _from, ...form } = birthReceipt(id);
      const target = contract['draft.document'].output.parse(valueOf(await t.core.invoke('draft.document', { ...form, paper: 'birthCertificate' }, clerk)));
      valueOf(await t.core.invoke('scanner.set-default', { deviceId: 'sane:test:0' }, clerk));
      const { jobId } = valueOf<{ jobId: string }>(await t.core.invoke('scan.start', { documentId: target.documentId, resolution: 75 }, clerk));
      let status = contract['scan.status'].output.parse(valueOf(await t.core.invoke('scan.status', { jobId }, clerk)));
      while (status.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = contract['scan.status'].output.parse(valueOf(await t.core.invoke('scan.status', { jobId }, clerk)));
      }
      const page = status.pages[0]!;
      valueOf(await t.core.invoke('page.rotate', { pageId: page.id, rotation: 270 }, clerk));

      const image = contract['page.image'].output.parse(valueOf(await t.core.invoke('page.image', { pageId: page.id }, clerk)));
      const jpeg = Buffer.from(image.jpegBase64, 'base64');
      expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(jpeg.length).toBe(page.bytes);
      expect(image).toMatchObject({ pageId: page.id, rotation: 270, width: page.width, height: page.height });

      const missing = await t.core.invoke('page.image', { pageId: 'no-such-page' }, clerk);
      expect(missing.ok ? 'ok' : missing.error.code).toBe('store.not-found');
    } finally {
      t.close();
    }
  });
});
