/**
 * The Dossier screen end to end, through the built browser host in real Chromium on real
 * services: a birth registration received with two pages scanned from the SANE `test` backend,
 * paged through by keyboard in the page viewer; a supplement requested with a paper ticked, its
 * slip printed on the CUPS cups-pdf queue MotcuaPDF, listed, reprinted and downloaded ("Xem"),
 * and the kept PDF read back with poppler's pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSaneTestBackend } from '../../src/main/devices/scanner/sane/sane-test-config';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { birthReceipt } from '../helpers/counter-core';
import { apiSession, signIn } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/** Polls wait this long: the machine is shared and a loaded page answers slowly. */
const WAIT = { timeout: 20_000 };
const hasCups = spawnSync('lpstat', ['-p', 'MotcuaPDF']).status === 0;
const CUPS_PDF_DIR = '/var/spool/cups-pdf/ANONYMOUS';
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-dossier-'));
/** The paper the clerk ticks as missing: one the applicant did not bring. */
const MISSING_PAPER = 'residenceProof';
let browser: Browser;
let host: HostProcess;
let dossier: { id: string; code: string };
let pageIds: string[] = [];
let missingName = '';

type Api = Awaited<ReturnType<typeof apiSession>>;
async function value<T>(api: Api, name: string, input: unknown): Promise<T> {
  const reply = (await api(name, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** Scans one flatbed page into the document through the core, as the intake form's Scan button does. */
async function scanPage(api: Api, documentId: string): Promise<void> {
  const { jobId } = await value<{ jobId: string }>(api, 'scan.start', { documentId, resolution: 75 });
  // A loop rather than expect.poll: this runs in beforeAll, outside any test.
  for (let waited = 0; waited < 90_000; waited += 200) {
    const { state, error } = await value<{ state: string; error: unknown }>(api, 'scan.status', { jobId });
    if (state === 'done') return;
    if (state !== 'running') throw new Error(`scan ${state}: ${JSON.stringify(error)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('scan still running after 90 s');
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  // The host inherits SANE_CONFIG_DIR: its core sees only the SANE test backend's scanners.
  // Its pages draw a grid (not the default solid black), so the viewer shows a real picture.
  appendFileSync(join(useSaneTestBackend(), 'test.conf'), 'test-picture "Grid"\n');
  execFileSync(process.execPath, [resolve('out/cli/index.cjs'), 'seed-demo', '--dossiers', '5', '--data-dir', dataDir]);
  [browser, host] = await Promise.all([launchChromium(), startHostProcess(dataDir)]);
  // A received dossier with two scanned pages of its birth certificate, made before the page opens.
  const clerk = await apiSession(host, 'canbo');
  await value(clerk, 'scanner.set-default', { deviceId: 'sane:test:0' });
  if (hasCups) await value(clerk, 'printer.set-default', { paper: 'a4', printer: 'MotcuaPDF' });
  const id = uuidv7(Date.now());
  const { from: _from, ...form } = birthReceipt(id);
  const target = await value<{ documentId: string; rowVersion: number }>(clerk, 'draft.document', { ...form, paper: 'birthCertificate' });
  await scanPage(clerk, target.documentId);
  await scanPage(clerk, target.documentId);
  pageIds = (await value<{ pages: { id: string }[] }>(clerk, 'document.pages', { documentId: target.documentId })).pages.map((p) => p.id);
  // The second page was fed in sideways and turned by the clerk: the viewer must show it turned.
  await value(clerk, 'page.rotate', { pageId: pageIds[1], rotation: 90 });
  const received = await value<{ dossier: { id: string; code: string } }>(clerk, 'dossier.receive', { from: 'draft', id, rowVersion: target.rowVersion, applicant: form.applicant, values: form.values, documents: form.documents });
  dossier = received.dossier;
  const catalogue = await value<{ items: { code: string; documents: { key: string; name: { vi: string } }[] }[] }>(clerk, 'procedure.list', {});
  missingName = catalogue.items.find((p) => p.code === '1.001193')?.documents.find((d) => d.key === MISSING_PAPER)?.name.vi ?? '';
}, 240_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openByCode(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await page.getByTestId('search-input').waitFor();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  const row = page.locator('[data-testid=search-results] [data-testid=dossier-row]').filter({ hasText: code });
  await row.waitFor({ timeout: 30_000 });
  await row.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('dossier-screen').waitFor();
}

/** A status line once the spooler has answered (the text while printing ends with "…"). */
async function answered(page: Page, testId: string): Promise<string> {
  const line = page.getByTestId(testId);
  await expect.poll(async () => (await line.count()) > 0 && (await line.getAttribute('aria-busy')) !== 'true' && !/…$/u.test((await line.textContent()) ?? ''), { timeout: 90_000 }).toBe(true);
  return (await line.textContent()) ?? '';
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/gu, ' ');

describe('the Dossier screen', () => {
  it('pages through the scans by keyboard, requests a supplement with a paper ticked, prints, lists, reprints and shows its slip', async () => {
    expect(pageIds).toHaveLength(2);
    expect(missingName).not.toBe('');
    const page = await signIn(browser, host, 'canbo');
    await openByCode(page, dossier.code);

    // The page viewer: two thumbnails beside the selected page at full size, moved through with the arrows.
    const thumbs = page.getByTestId('viewer-thumb');
    await expect.poll(() => thumbs.count(), { timeout: 30_000 }).toBe(2);
    const shownPage = () => page.getByTestId('viewer-page').getAttribute('data-page-id');
    const imageLoaded = () => page.evaluate<boolean>(`(() => { const i = document.querySelector('[data-testid=viewer-image]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
    await expect.poll(shownPage, WAIT).toBe(pageIds[0]);
    await expect.poll(imageLoaded, { timeout: 30_000 }).toBe(true);
    await thumbs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(shownPage, WAIT).toBe(pageIds[1]);
    await expect.poll(() => page.getByTestId('viewer-caption').textContent(), WAIT).toContain('2/2');
    expect(await page.evaluate<string>(`document.activeElement.dataset.pageId`)).toBe(pageIds[1]);
    await expect.poll(imageLoaded, { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('viewer-image').getAttribute('class')).toBe('rot-90');
    // The full page is the stored scan, larger than its thumbnail.
    expect(await page.evaluate<number>(`document.querySelector('[data-testid=viewer-image]').naturalWidth`)).toBeGreaterThan(200);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(shownPage, WAIT).toBe(pageIds[0]);
    await page.keyboard.press('End');
    await expect.poll(shownPage, WAIT).toBe(pageIds[1]);
    await page.screenshot({ path: 'test-results/screen-dossier.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Request a supplement by keyboard, ticking the missing paper on the procedure's checklist.
    await page.getByTestId('transition-request-supplement').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('transition-form').waitFor();
    await page.keyboard.type('Thiếu giấy tờ chứng minh nơi cư trú');
    await page.getByTestId(`transition-paper-${MISSING_PAPER}`).focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId(`transition-paper-${MISSING_PAPER}`).isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('transition-form').locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.getByTestId('transition-form').count()) === 0 || (await page.getByTestId('transition-error').allTextContents()).join(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('info-status').textContent(), WAIT).toBe('Chờ bổ sung hồ sơ');

    // The slip went to the spooler at once; the screen shows its answer and the slips list has it.
    const answer = await answered(page, 'slip-print-status');
    const logRows = page.locator('[data-testid=slip-log-row][data-kind=supplement-request]');
    if (hasCups) {
      expect(answer).toContain('Đã in xong trên máy in MotcuaPDF');
      await expect.poll(() => logRows.count(), { timeout: 30_000 }).toBe(1);
      expect(await logRows.first().getAttribute('data-state')).toBe('completed');
      expect(await logRows.first().textContent()).toContain('MotcuaPDF');
      if (existsSync(CUPS_PDF_DIR)) {
        await expect.poll(() => readdirSync(CUPS_PDF_DIR).filter((f) => f.startsWith(`supplement-request_${dossier.id}`)).length, { timeout: 30_000 }).toBe(1);
      }
      // In lại: the same kept bytes go to the printer again and the log grows by one.
      await logRows.first().getByTestId('slip-reprint').focus();
      await page.keyboard.press('Enter');
      expect(await answered(page, 'slips-answer')).toContain('MotcuaPDF');
      await expect.poll(() => logRows.count(), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => page.locator('[data-testid=slip-log-row][data-kind=supplement-request][data-state=completed]').count(), WAIT).toBe(2);
    } else {
      expect(answer).toMatch(/\S/u);
    }
    const keptRow = page.locator('[data-testid=slip-kept-row][data-kind=supplement-request]');
    await expect.poll(() => keptRow.count(), WAIT).toBe(1);

    // Xem: the kept PDF arrives as a file, and it names the ticked paper.
    const downloading = page.waitForEvent('download');
    await keptRow.getByTestId('slip-view').focus();
    await page.keyboard.press('Enter');
    const file = await (await downloading).path();
    expect(pdfText(file)).toContain(missingName);
    expect(pdfText(file)).toContain(dossier.code);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('slips').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-dossier-slips.png' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.evaluate<boolean>('document.documentElement.scrollWidth <= 1024'), WAIT).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('dossier-code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-dossier-1024.png' });
    await page.close();
  });
});
