import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSaneTestBackend } from '../../src/main/devices/scanner/sane/sane-test-config';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { apiSession, CountingKeyboard, signIn } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

/*
 * The counter's whole day for one birth registration, through the built browser host in real
 * Chromium, on real services (SQLite, SANE test scanner, CUPS cups-pdf queue MotcuaPDF): a clerk
 * receives it by keyboard from the first keystroke to the printed receipt, scanning the birth
 * certificate on the way, a specialist and a leader process
 * it, the clerk returns the result, and anyone finds it by a name typed without diacritics.
 * A volunteer's guided draft is accepted by a clerk. axe-core checks every screen on the way.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-flow-'));
const CUPS_PDF_DIR = '/var/spool/cups-pdf/ANONYMOUS';
let browser: Browser;
let host: HostProcess;
let dossierCode = '';

// Invented people; the ID number is structure-valid (Hà Nội, woman born 1988) and fictitious.
const APPLICANT = 'Phùng Thị Khải Nguyên';
const birthForm: Record<string, string> = {
  requesterName: APPLICANT,
  requesterPersonalId: '001188034567',
  requesterIdDocument: 'Căn cước số 001188034567',
  requesterRelation: 'Mẹ',
  requesterPhone: '0987654321',
  childName: 'Phùng Đức Hậu',
  childBirthDate: '2026-11-02',
  childEthnicity: 'Kinh',
  childBirthPlace: 'Trạm y tế xã Thử Nghiệm',
  childHometown: 'Xã Thử Nghiệm',
};
// Selects are answered with arrow keys: this many ArrowDowns from the empty option.
const birthSelects: Record<string, number> = { childSex: 1 };
/** The paper scanned from the SANE test scanner during the intake (the birth certificate). */
const SCANNED_PAPER = 'birthCertificate';

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  // The host inherits SANE_CONFIG_DIR: its core sees only the SANE test backend's scanners.
  useSaneTestBackend();
  execFileSync(process.execPath, [resolve('out/cli/index.cjs'), 'seed-demo', '--dossiers', '60', '--data-dir', dataDir]);
  [browser, host] = await Promise.all([launchChromium(), startHostProcess(dataDir)]);
  // The counter's scanner, chosen once as in Settings; the intake then scans with it.
  const clerk = await apiSession(host, 'canbo');
  expect(await clerk('scanner.set-default', { deviceId: 'sane:test:0' })).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The print status once the spooler has answered (the text while printing is not an answer). */
async function printAnswer(page: Page, testId: string): Promise<string> {
  const status = page.getByTestId(testId);
  await expect.poll(async () => (await status.count()) > 0 && (await status.getAttribute('aria-busy')) === null && !/…$/u.test((await status.textContent()) ?? ''), { timeout: 60_000 }).toBe(true);
  return (await status.textContent()) ?? '';
}

const focusedTestId = async (page: Page) => (await page.locator(':focus').getAttribute('data-testid')) ?? '';

/** Waits for a paper's scan to end: its thumbnails, or the clerk's error next to the paper. */
async function scannedPages(page: Page, paper: string): Promise<number> {
  const failed = page.getByTestId(`scan-error-${paper}`);
  const thumbs = page.getByTestId(`pages-${paper}`).locator('img');
  await expect.poll(async () => ((await failed.count()) > 0 ? `error: ${await failed.textContent()}` : (await thumbs.count()) > 0), { timeout: 90_000 }).toBe(true);
  await page.getByTestId(`scan-progress-${paper}`).waitFor({ state: 'detached' });
  return thumbs.count();
}

/**
 * Fills the open intake form the way a clerk does: Tab from box to box in screen order, typing
 * where there is something to type, arrows in selects, Enter on the Scan button of the paper
 * to scan, Space on the required papers not ticked yet. Stops once the last required paper is
 * ticked and scanned (Ctrl+Enter then submits from anywhere in the form).
 */
async function fillByTabbing(page: Page, keys: CountingKeyboard): Promise<void> {
  const papers = page.locator('[data-testid=papers] label:has(.req) input');
  const left = new Set<string>([`scan-${SCANNED_PAPER}`]);
  for (let i = 0; i < (await papers.count()); i++) left.add((await papers.nth(i).getAttribute('data-testid')) ?? '');
  for (let step = 0; step < 120 && left.size > 0; step++) {
    const id = await focusedTestId(page);
    const key = id.replace(/^field-/u, '');
    if (id.startsWith('field-') && birthForm[key] !== undefined) await keys.type(birthForm[key]);
    else if (id.startsWith('field-') && birthSelects[key] !== undefined) for (let i = 0; i < birthSelects[key]; i++) await keys.press('ArrowDown');
    else if (id === `scan-${SCANNED_PAPER}`) {
      await keys.press('Enter');
      expect(await scannedPages(page, SCANNED_PAPER)).toBeGreaterThan(0);
      left.delete(id);
    } else if (left.has(id)) {
      if (!(await page.getByTestId(id).isChecked())) await keys.press('Space');
      left.delete(id);
    }
    if (left.size > 0) await keys.press('Tab');
  }
  expect([...left]).toEqual([]);
  // A scan ticks its paper; nothing the clerk ticked may have been unticked by it.
  for (let i = 0; i < (await papers.count()); i++) expect(await papers.nth(i).isChecked()).toBe(true);
}

describe('a birth registration from the first keystroke to the returned result', () => {
  it('is received by keyboard only, a paper scanned, and its receipt printed on the CUPS PDF queue', async () => {
    expect(spawnSync('lpstat', ['-d'], { encoding: 'utf8' }).stdout).toContain('MotcuaPDF');
    const page = await signIn(browser, host, 'canbo');
    await page.getByTestId('section-overdue').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/flow-today.png' });

    const keys = new CountingKeyboard(page);
    await keys.press('Alt+2');
    await page.getByTestId('procedure-search').waitFor();
    await keys.type('khai sinh');
    const active = page.locator('#procedure-options [aria-selected=true]');
    await active.waitFor();
    for (let i = 0; i < 10 && !((await active.textContent()) ?? '').includes('1.001193'); i++) await keys.press('ArrowDown');
    expect(await active.textContent()).toContain('1.001193');
    await expectAccessible(page);
    await keys.press('Enter');
    await page.getByTestId('intake-form').waitFor();
    await expect.poll(() => focusedTestId(page)).toMatch(/^field-/u);

    await fillByTabbing(page, keys);
    await expect.poll(() => page.locator('[aria-invalid=true]').count()).toBe(0);
    expect(await page.getByTestId('field-requesterName').inputValue()).toBe(APPLICANT);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/flow-intake.png' });

    await keys.press('Control+Enter');
    await page.getByTestId('receipt-code').waitFor();
    dossierCode = (await page.getByTestId('receipt-code').textContent()) ?? '';
    expect(dossierCode).toMatch(/^000\.00\.00\.X99-\d{6}-\d{4}$/u);
    // "Tiếp nhận hồ sơ mới" holds the focus; the print button sits just before it.
    await keys.press('Shift+Tab');
    expect(await focusedTestId(page)).toBe('receipt-print');
    await keys.press('Enter');
    expect(await printAnswer(page, 'receipt-print-status')).toBe('Đã in xong trên máy in MotcuaPDF');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/flow-receipt.png' });

    // cups-pdf names its output after the job title, which carries the slip kind and dossier id.
    const clerk = await apiSession(host, 'canbo');
    const found = (await clerk('dossier.search', { q: dossierCode })) as unknown as { ok: true; value: { items: { id: string }[] } };
    const dossierId = found.value.items[0]?.id ?? '';
    expect(dossierId).not.toBe('');
    // The scanned pages went with the dossier, under the paper they were scanned for.
    const got = (await clerk('dossier.get', { id: dossierId })) as unknown as { ok: true; value: { documents: { id: string; key: string }[] } };
    const scanned = got.value.documents.find((d) => d.key === SCANNED_PAPER);
    expect(scanned).toBeDefined();
    const pages = (await clerk('document.pages', { documentId: scanned?.id })) as unknown as { ok: true; value: { pages: unknown[] } };
    expect(pages.value.pages.length).toBeGreaterThan(0);
    if (existsSync(CUPS_PDF_DIR)) {
      await expect.poll(() => readdirSync(CUPS_PDF_DIR).some((f) => f.startsWith(`receipt_${dossierId}`) && f.endsWith('.pdf')), { timeout: 30_000 }).toBe(true);
    }

    writeFileSync('test-results/keystrokes.json', `${JSON.stringify({
      scenario: 'birth registration (1.001193), counter intake from Alt+2 to the printed receipt, one paper scanned',
      total: keys.total, characters: keys.characters, presses: keys.presses, tabs: keys.tabs,
      measuredAt: new Date().toISOString(),
    }, null, 2)}\n`);
    await page.close();
  });

  it('is processed by the specialist and the leader, returned by the clerk, and found by a name without diacritics', async () => {
    expect(dossierCode).not.toBe('');
    const act = async (page: Page, transition: string, fill?: (p: Page) => Promise<void>) => {
      const button = page.getByTestId(`transition-${transition}`);
      await button.waitFor();
      await button.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('transition-form').waitFor();
      await fill?.(page);
      await page.getByTestId('transition-form').locator('button[type=submit]').click();
      // A refusal stays in the form: show it rather than a bare timeout.
      await expect.poll(async () => (await page.getByTestId('transition-form').count()) === 0 || (await page.getByTestId('transition-error').allTextContents()).join()).toBe(true);
    };
    const openByFoldedName = async (page: Page) => {
      await page.keyboard.press('Alt+3');
      await page.getByTestId('search-input').waitFor();
      await page.keyboard.type('phung thi khai nguyen');
      await page.keyboard.press('Enter');
      const row = page.locator('[data-testid=search-results] [data-testid=dossier-row]').filter({ hasText: dossierCode });
      await row.waitFor();
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('dossier-screen').waitFor();
    };
    const status = (page: Page) => page.getByTestId('info-status').textContent();

    const specialist = await signIn(browser, host, 'tuphap');
    await openByFoldedName(specialist);
    await expectAccessible(specialist);
    await act(specialist, 'start-processing');
    await expect.poll(() => status(specialist)).toBe('Đang xử lý');
    await specialist.screenshot({ path: 'test-results/flow-dossier.png' });
    await specialist.close();

    const leader = await signIn(browser, host, 'lanhdao');
    await openByFoldedName(leader);
    await act(leader, 'resolve', async (p) => {
      await p.keyboard.type('Đã ký giấy khai sinh');
      await p.getByTestId('result-number').fill('15/2026');
      await p.getByLabel('Quyển sổ').fill('01/2026');
      await p.getByLabel('Trang số').fill('15');
    });
    await expect.poll(() => status(leader)).toBe('Đã có kết quả');
    await leader.close();

    const clerk = await signIn(browser, host, 'canbo');
    await openByFoldedName(clerk);
    await act(clerk, 'return-result');
    await expect.poll(() => status(clerk)).toBe('Đã trả kết quả');
    expect(await clerk.getByTestId('history').locator('li').count()).toBeGreaterThanOrEqual(4);
    await expectAccessible(clerk);
    await clerk.screenshot({ path: 'test-results/flow-returned.png' });
    await clerk.close();
  });
});

describe('volunteer mode', () => {
  const VOLUNTEER_APPLICANT = 'Lò Thị Tình Nguyện';

  it('guides a volunteer through a draft in plain steps, and shows nothing else', async () => {
    const page = await signIn(browser, host, 'tinhnguyen');
    await page.getByTestId('volunteer-wizard').waitFor();
    // The shell has no clerk routes at all: no Today, search, reports; Alt+digits do nothing.
    expect(await page.locator('[data-testid^=nav-]').count()).toBe(1);
    expect(await page.locator('[data-testid^=nav-]').getAttribute('data-testid')).toBe('nav-volunteer');
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+3');
    expect(await page.getByTestId('procedure-search').count()).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screen-volunteer-procedure.png' });

    await page.keyboard.type('khai sinh');
    const active = page.locator('#procedure-options [aria-selected=true]');
    await active.waitFor();
    for (let i = 0; i < 10 && !((await active.textContent()) ?? '').includes('1.001193'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('volunteer-step').textContent()).toContain('2/4');

    // Continue with an empty form: the plain-language error, and the boxes in red.
    await page.getByTestId('volunteer-next').click();
    await expect.poll(() => page.getByTestId('volunteer-error').textContent()).toContain('Sửa xong rồi bấm Tiếp tục');
    for (const [key, value] of Object.entries({ ...birthForm, requesterName: VOLUNTEER_APPLICANT, childName: 'Lò Văn Mới' })) {
      await page.getByTestId(`field-${key}`).fill(value);
    }
    await page.getByTestId('field-childSex').selectOption('nu');
    // Back to the procedure and the same one again: nothing typed is lost.
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await expect.poll(() => page.getByTestId('volunteer-step').textContent()).toContain('1/4');
    await page.locator('#procedure-options [role=option]').filter({ hasText: '1.001193' }).first().click();
    await expect.poll(() => page.getByTestId('volunteer-step').textContent()).toContain('2/4');
    expect(await page.getByTestId('field-requesterName').inputValue()).toBe(VOLUNTEER_APPLICANT);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screen-volunteer-fields.png' });
    await page.getByTestId('field-childName').press('Enter');
    await expect.poll(() => page.getByTestId('volunteer-step').textContent()).toContain('3/4');
    const required = page.locator('[data-testid=papers] label:has(.req) input');
    for (let i = 0; i < (await required.count()); i++) await required.nth(i).check();
    await page.getByTestId('volunteer-next').click();
    await expect.poll(() => page.getByTestId('volunteer-step').textContent()).toContain('4/4');
    expect(await page.getByTestId('info-requesterName').textContent()).toBe(VOLUNTEER_APPLICANT);
    expect(await page.getByTestId('info-childSex').textContent()).toBe('Nữ');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screen-volunteer-review.png' });
    await page.getByTestId('volunteer-next').click();
    await page.getByTestId('volunteer-sent').waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it('is refused by the core for everything but drafts, whatever a page script calls', async () => {
    const volunteer = await apiSession(host, 'tinhnguyen');
    const drafts = (await volunteer('draft.list', {})) as unknown as { ok: true; value: { items: { id: string; rowVersion: number | null }[] } };
    expect(drafts.ok).toBe(true);
    const mine = drafts.value.items[0];
    expect(mine?.rowVersion).not.toBeNull();
    for (const [name, input] of [
      ['queue.today', {}],
      ['dossier.search', { q: 'nguyen' }],
      ['dossier.get', { id: mine?.id }],
      ['dossier.receive', { from: 'draft', id: mine?.id, rowVersion: mine?.rowVersion }],
      ['slip.print', { dossierId: mine?.id, kind: 'receipt' }],
      ['report.summary', { from: '2026-01-01', to: '2026-12-31' }],
    ] as const) {
      expect({ name, reply: await volunteer(name, input) }).toMatchObject({ name, reply: { ok: false, error: { code: 'auth.forbidden' } } });
    }
  });

  it('lets a clerk review the volunteer’s draft, accept it and print its receipt', async () => {
    const page = await signIn(browser, host, 'canbo');
    await page.getByTestId('nav-drafts').waitFor();
    await page.keyboard.press('Alt+6');
    const row = page.locator('[data-testid=draft-row]').filter({ hasText: VOLUNTEER_APPLICANT });
    await row.waitFor();
    await row.getByTestId('draft-open').click();
    await page.getByTestId('draft-review').waitFor();
    await expect.poll(() => page.getByTestId('info-childName').textContent()).toBe('Lò Văn Mới');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screen-drafts.png' });
    // The review took the focus: one Tab reaches "Tiếp nhận hồ sơ nháp".
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('draft-accept');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-code').waitFor();
    expect(await page.getByTestId('receipt-code').textContent()).toMatch(/^000\.00\.00\.X99-\d{6}-\d{4}$/u);
    await page.getByTestId('receipt-print').click();
    expect(await printAnswer(page, 'receipt-print-status')).toBe('Đã in xong trên máy in MotcuaPDF');
    await page.close();
  });
});

describe('reports', () => {
  it('draws the charts, exports a readable .xlsx, prints the register, and passes axe', async () => {
    const page = await signIn(browser, host, 'canbo');
    await page.keyboard.press('Alt+4');
    await page.getByTestId('report-from').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('report-table').waitFor();
    for (const chart of ['chart-ontime', 'chart-channels', 'chart-procedures']) await page.getByTestId(chart).waitFor();
    await expect.poll(() => page.locator('[data-testid=chart-procedures-row]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-channels] svg[role=img]').getAttribute('aria-label')).toMatch(/Tại quầy: \d+/u);
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screen-reports.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/u);
    const file = await download.path();
    const sheet = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Báo cáo tình hình tiếp nhận và giải quyết hồ sơ</t></is></c>');
    const firstProcedure = await page.locator('[data-testid=report-table] tbody tr td').first().textContent();
    expect(sheet).toContain(`<t xml:space="preserve">${firstProcedure ?? '∅'}</t>`);
    await page.getByTestId('report-export-status').waitFor();

    // The register of the period, on the real CUPS queue.
    await page.getByTestId('register-print').click();
    expect(await printAnswer(page, 'register-print-status')).toBe('Đã in sổ trên máy in MotcuaPDF');
    await page.close();
  });
});

describe('accessibility and screenshots of the other screens', () => {
  it('login, help, search, about and every nav screen pass axe at 1366×768', async () => {
    const login = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login.goto(host.url);
    await login.getByTestId('login-form').waitFor();
    await login.getByTestId('training-mark').waitFor();
    await expectAccessible(login);
    await login.close();

    const page = await signIn(browser, host, 'canbo');
    await page.keyboard.press('F1');
    await page.getByTestId('help-panel').waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+3');
    await page.getByTestId('search-input').waitFor();
    await page.keyboard.type('nguyen');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=search-results] [data-testid=dossier-row]').first().waitFor();
    await expectAccessible(page);
    // Every screen in the nav bar, by its own shortcut, as the clerk sees it.
    const navCount = await page.locator('nav [data-testid^=nav-]').count();
    for (let i = 1; i <= navCount; i++) {
      await page.keyboard.press(`Alt+${i}`);
      const id = await page.locator('nav [aria-current=page]').getAttribute('data-testid');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `test-results/nav-${id?.replace(/^nav-/u, '') ?? i}.png` });
      expect({ screen: id, violations: await seriousA11yViolations(page) }).toEqual({ screen: id, violations: [] });
    }
    await page.close();
  });
});

describe('the host log', () => {
  it('carries no name, ID number or phone of the people received above', () => {
    const log = host.output().normalize('NFC');
    expect(log).toContain('MOTCUA_HOST_READY');
    for (const personal of [APPLICANT, 'Phùng Đức Hậu', 'Lò Thị Tình Nguyện', 'Lò Văn Mới', '001188034567', '0987654321']) expect(log).not.toContain(personal.normalize('NFC'));
  });
});

describe('screens at 1024×768', () => {
  it('lays out the new dossier form', async () => {
    const page = await signIn(browser, host, 'canbo', { width: 1024, height: 768 });
    await page.keyboard.press('Alt+2');
    await page.getByTestId('procedure-search').waitFor();
    await page.keyboard.type('dang ky khai sinh 1.001193');
    await page.locator('#procedure-options [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-form').waitFor();
    await page.screenshot({ path: 'test-results/screen-intake-1024.png' });
    // Nothing may run off the right edge at this width.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await page.close();
  });
});
