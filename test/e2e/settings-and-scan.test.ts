/**
 * Settings, status bar and scanning in the New-dossier form, end to end: the built browser host
 * (its core scans through the real SANE `test` backend and prints to the CUPS cups-pdf queue
 * MotcuaPDF), real Chromium driven by the keyboard, on the training copy (the demo accounts live
 * only there); the administrator's account actions end other sessions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSaneTestBackend } from '../../src/main/devices/scanner/sane/sane-test-config';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { DEMO_PASSWORD, signIn } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

const hasCups = spawnSync('lpstat', ['-p', 'MotcuaPDF']).status === 0;
const CUPS_PDF_OUT = '/var/spool/cups-pdf/ANONYMOUS';
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-settings-'));
let browser: Browser;
let host: HostProcess;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  // The host inherits SANE_CONFIG_DIR: its core sees only the SANE test backend's devices, which
  // draw a grid (not the default solid black) so rotation shows in the thumbnails.
  appendFileSync(join(useSaneTestBackend(), 'test.conf'), 'test-picture "Grid"\n');
  execFileSync(process.execPath, [resolve('out/cli/index.cjs'), 'seed-demo', '--dossiers', '200', '--data-dir', dataDir]);
  [browser, host] = await Promise.all([launchChromium(), startHostProcess(dataDir)]);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Generous: the CI machine is shared and a cold host answers its first page slowly.
const login = (username: string): Promise<Page> => signIn(browser, host, username, undefined, { formTimeoutMs: 60_000 });

/** Settings is the last item of the navigation bar: its Alt+digit is its place there. */
async function openSettings(page: Page): Promise<void> {
  const items = await attributes(page.locator('nav [data-testid^=nav-]'), 'data-testid');
  await page.keyboard.press(`Alt+${items.indexOf('nav-settings') + 1}`);
  await page.getByTestId('settings').waitFor();
}

/** One attribute of every element the locator finds, in document order. */
async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  const values: (string | null)[] = [];
  for (let i = 0; i < (await locator.count()); i++) values.push(await locator.nth(i).getAttribute(name));
  return values;
}

/**
 * Calls the core as the page does (its launch and session tokens), to check what was stored. A
 * string is evaluated: this file is compiled without the DOM library.
 */
async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  const reply = await page.evaluate<{ ok: boolean; value?: unknown }>(`fetch('/api/${name}', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-motcua-token': sessionStorage.getItem('motcua.token') ?? '', 'x-motcua-session': sessionStorage.getItem('motcua.session') ?? '' },
    body: ${JSON.stringify(JSON.stringify(input))},
  }).then((res) => res.json())`);
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}

/** Tries a sign-in with the page's launch token only; 'ok' or the core's error code. */
async function tryLogin(page: Page, username: string, password: string): Promise<{ code: string }> {
  const reply = await page.evaluate<{ ok: boolean; error?: { code: string } }>(`fetch('/api/session.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-motcua-token': sessionStorage.getItem('motcua.token') ?? '' },
    body: ${JSON.stringify(JSON.stringify({ username, password }))},
  }).then((res) => res.json())`);
  return { code: reply.ok ? 'ok' : reply.error?.code ?? '?' };
}

/** Waits for an action's outcome line; an error line fails the test with the clerk's message. */
async function outcome(page: Page, testId: string, timeout = 60_000): Promise<string> {
  const line = page.locator(`[data-testid=${testId}-ok], [data-testid=${testId}-error]`);
  await line.first().waitFor({ timeout });
  const text = (await line.first().textContent()) ?? '';
  if ((await line.first().getAttribute('data-testid'))?.endsWith('-error')) throw new Error(`${testId}: ${text}`);
  return text;
}

async function press(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Enter');
}

describe('settings, status bar and scanning in the counter screens', () => {
  it('chooses the scanner and printers in Settings, scans and prints a test page, and the status bar follows', async () => {
    const page = await login('canbo');
    expect(await page.getByTestId('status-scanner').textContent()).toMatch(/chưa chọn|—/u);
    await openSettings(page);
    const scanner = page.getByTestId('scanner-select');
    await expect.poll(() => scanner.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await scanner.selectOption('sane:test:0');
    await press(page, 'scanner-save');
    await outcome(page, 'scanner-save');
    await expect.poll(() => page.getByTestId('status-scanner').getAttribute('class'), { timeout: 30_000 }).toContain('status-ok');
    expect(await page.getByTestId('status-scanner').getAttribute('title')).toContain('sane:test:0');

    await press(page, 'scanner-test');
    await outcome(page, 'scanner-test', 90_000);
    await page.getByTestId('scanner-test-thumb').waitFor();
    await expect.poll(() => page.evaluate<number>(`document.querySelector('[data-testid=scanner-test-thumb]').naturalWidth`)).toBeGreaterThan(0);

    if (hasCups) {
      await page.getByTestId('printer-select-a4').selectOption('MotcuaPDF');
      await press(page, 'printer-save-a4');
      await outcome(page, 'printer-save-a4');
      await expect.poll(() => page.getByTestId('status-printer').textContent()).toContain('MotcuaPDF');
      await press(page, 'printer-test-a4');
      const job = /MotcuaPDF-(\d+)/u.exec(await outcome(page, 'printer-test-a4', 90_000))?.[1];
      expect(job).toBeDefined();
      // cups-pdf names the file after the job: the test page really came out of the queue.
      await expect.poll(() => readdirSync(CUPS_PDF_OUT).some((f) => f.endsWith(`-job_${job}.pdf`)), { timeout: 30_000 }).toBe(true);
    }
    await page.screenshot({ path: 'test-results/screen-settings.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('scans two pages into a paper of the New-dossier form, corrects them from the keyboard, and receives the dossier', async () => {
    const page = await login('canbo');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('procedure-search').waitFor();
    await page.keyboard.type('dang ky khai sinh 1.001193');
    await page.locator('#procedure-options [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('field-requesterName').focus();
    await page.keyboard.type('Đặng Thị Quét Thử');

    const strip = page.getByTestId('pages-birthCertificate');
    for (const expected of [1, 2]) {
      await press(page, 'scan-birthCertificate');
      // A scan ends with its pages' thumbnails, or with the clerk's error next to the paper.
      const failed = page.getByTestId('scan-error-birthCertificate');
      const settled = async () => ((await failed.count()) > 0 ? `error: ${await failed.textContent()}` : await strip.locator('img').count());
      await expect.poll(settled, { timeout: 90_000 }).toBe(expected);
      await page.getByTestId('scan-progress-birthCertificate').waitFor({ state: 'detached' });
    }
    // The scanned paper is ticked for the clerk.
    expect(await page.getByTestId('paper-birthCertificate').isChecked()).toBe(true);
    const order = () => attributes(strip.locator('[data-page-id]'), 'data-page-id');
    const [first, second] = await order();
    await strip.locator(`[data-page-id="${first}"]`).focus();
    await page.keyboard.press('r');
    await expect.poll(() => strip.locator(`[data-page-id="${first}"]`).getAttribute('data-rotation')).toBe('90');
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(order).toEqual([second, first]);
    await page.screenshot({ path: 'test-results/screen-intake-scanned.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const fill = async (key: string, text: string) => {
      await page.getByTestId(`field-${key}`).focus();
      await page.keyboard.type(text);
    };
    await fill('requesterPersonalId', '001190999001');
    await fill('requesterIdDocument', 'Căn cước số 001190999001');
    await fill('requesterRelation', 'Mẹ');
    await fill('requesterPhone', '0912345678');
    await fill('childName', 'Trần Văn Quét');
    await fill('childBirthDate', '2026-11-01');
    await page.getByTestId('field-childSex').focus();
    await page.keyboard.press('ArrowDown');
    await fill('childEthnicity', 'Kinh');
    await fill('childBirthPlace', 'Trạm y tế xã Thử Nghiệm');
    await fill('childHometown', 'Xã Thử Nghiệm');
    const requiredPapers = page.locator('[data-testid=papers] label:has(.req) input');
    for (let i = 0; i < (await requiredPapers.count()); i++) {
      if (!(await requiredPapers.nth(i).isChecked())) {
        await requiredPapers.nth(i).focus();
        await page.keyboard.press('Space');
      }
    }
    await page.getByTestId('field-childName').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('receipt-code').waitFor({ timeout: 30_000 });
    const receiptCode = (await page.getByTestId('receipt-code').textContent()) ?? '';
    expect(receiptCode).toMatch(/\S/u);

    // The received dossier keeps both pages, in the corrected order and rotation.
    const found = await api<{ items: { id: string }[] }>(page, 'dossier.search', { q: receiptCode });
    const dossier = await api<{ documents: { id: string; key: string }[] }>(page, 'dossier.get', { id: found.items[0]?.id });
    const documentId = dossier.documents.find((d) => d.key === 'birthCertificate')?.id;
    const stored = await api<{ pages: { id: string; rotation: number }[] }>(page, 'document.pages', { documentId });
    expect(stored.pages.map((p) => [p.id, p.rotation])).toEqual([[second, 0], [first, 90]]);
    await page.close();
  });

  it('asks before leaving a form with unsaved work, and reopens the saved draft from Today', async () => {
    const page = await login('canbo');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('procedure-search').waitFor();
    await page.keyboard.type('khai sinh 1.001193');
    await page.locator('#procedure-options [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('field-requesterName').focus();
    await page.keyboard.type('Phạm Thị Dở Dang');
    await page.keyboard.press('Alt+1');
    await page.getByTestId('leave-dialog').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('leave-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-requesterName').inputValue()).toBe('Phạm Thị Dở Dang');
    await page.keyboard.press('Alt+1');
    await page.getByTestId('leave-save').waitFor();
    await page.keyboard.press('Enter');
    const mine = page.getByTestId('section-my-drafts').locator('[data-testid=dossier-row]').filter({ hasText: 'Phạm Thị Dở Dang' });
    await mine.waitFor();
    await mine.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('field-requesterName').inputValue()).toBe('Phạm Thị Dở Dang');

    // Discarding throws the draft away: it is no longer among the unfinished forms.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('leave-discard').waitFor();
    await press(page, 'leave-discard');
    await page.getByTestId('section-my-drafts').waitFor();
    await expect.poll(() => page.getByTestId('section-my-drafts').locator('[data-testid=dossier-row]').filter({ hasText: 'Phạm Thị Dở Dang' }).count()).toBe(0);
    await page.close();
  });

  it('sorts a Today section by applicant from the keyboard (Vietnamese collation), and marks overdue rows', async () => {
    const page = await login('canbo');
    await page.getByTestId('section-overdue').waitFor();
    const overdue = page.getByTestId('section-overdue');
    expect(await overdue.locator('tbody tr.overdue').count()).toBe(await overdue.locator('[data-testid=dossier-row]').count());
    // Three unfinished forms with known names, saved through the API as the form autosaves them.
    for (const [i, name] of ['Đỗ Văn Sắp', 'Dương Thị Xếp', 'Ân Văn Thứ'].entries()) {
      await api(page, 'draft.save', { id: uuidv7(Date.now() + i), procedureCode: '1.001193', applicant: { name }, values: { requesterName: name } });
    }
    await page.reload();
    const section = page.getByTestId('section-my-drafts');
    await expect.poll(() => section.locator('[data-testid=dossier-row]').count()).toBeGreaterThanOrEqual(3);
    const names = async () => (await section.locator('[data-testid=dossier-row] td:nth-child(2)').allTextContents());
    await section.getByRole('button', { name: 'Người nộp' }).focus();
    await page.keyboard.press('Enter');
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    expect(await section.locator('th[aria-sort=ascending]').textContent()).toContain('Người nộp');
    await page.keyboard.press('Enter');
    const descending = await names();
    expect(descending).toEqual([...descending].sort((x, y) => collator.compare(y, x)));
    expect(descending).not.toEqual(ascending);
    await page.screenshot({ path: 'test-results/screen-today-sorted.png' });
    await page.close();
  });

  it('manages accounts by keyboard: inline errors, disable and enable, a new role, a temporary password shown once and replaced by its owner; a reload keeps the session and its lock', async () => {
    const page = await login('quantri');
    // The training copy is never synced: the bar and the hub panel say so instead of "not enrolled".
    await expect.poll(() => page.getByTestId('status-sync').textContent()).toContain('bản đào tạo');
    await openSettings(page);
    await page.getByTestId('settings-users').waitFor();
    expect(await page.getByTestId('hub-training').isVisible()).toBe(true);

    // Inline Vietnamese errors next to the fields, nothing sent while they stand.
    await press(page, 'user-create');
    expect(await page.getByTestId('user-username-error').textContent()).toBe('Không được để trống.');
    await page.getByTestId('user-username').focus();
    await page.keyboard.type('canbo');
    await page.getByTestId('user-displayName').focus();
    await page.keyboard.type('Lê Văn Trùng');
    await page.getByTestId('user-password').focus();
    await page.keyboard.type('mat-khau-dai-du');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('user-username-error').textContent()).toMatch(/canbo/u);

    // The administrator's own row has no actions (the core refuses them too).
    expect(await page.getByTestId('account-lock-quantri').count()).toBe(0);

    // Disable the volunteer: it no longer signs in; its open session ends and its page shows why.
    const volunteer = await login('tinhnguyen');
    await press(page, 'account-lock-tinhnguyen');
    await expect.poll(() => page.getByTestId('account-state-tinhnguyen').textContent()).toBe('Đã khóa');
    expect(await page.getByTestId('account-lock-tinhnguyen').textContent()).toBe('Mở khoá');
    expect((await tryLogin(page, 'tinhnguyen', DEMO_PASSWORD)).code).toBe('auth.bad-credentials');
    await volunteer.reload();
    await volunteer.getByTestId('login-form').waitFor();
    await volunteer.close();
    await press(page, 'account-lock-tinhnguyen');
    await expect.poll(() => page.getByTestId('account-state-tinhnguyen').textContent()).toBe('Đang dùng');
    expect((await tryLogin(page, 'tinhnguyen', DEMO_PASSWORD)).code).toBe('ok');

    // A new role, saved from the row.
    await page.getByTestId('account-role-tuphap').focus();
    await page.getByTestId('account-role-tuphap').selectOption('leader');
    await press(page, 'account-role-save-tuphap');
    await page.getByTestId('account-ok-tuphap').waitFor();
    const accounts = await api<{ username: string; role: string }[]>(page, 'account.list', {});
    expect(accounts.find((a) => a.username === 'tuphap')?.role).toBe('leader');

    // A clerk signed in elsewhere gets a temporary password: a confirm first, then the password once.
    const clerk = await login('canbo');
    await press(page, 'account-reset-canbo');
    await page.getByTestId('reset-dialog').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await press(page, 'reset-dialog-confirm');
    await page.getByTestId('temp-password').waitFor();
    const temporary = (await page.getByTestId('temp-password').textContent()) ?? '';
    expect(temporary).toMatch(/^\S{12}$/u);
    await page.screenshot({ path: 'test-results/screen-settings-temp-password.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('temp-password-dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`)).toBe('account-reset-canbo');
    await expect.poll(() => page.getByTestId('account-state-canbo').textContent()).toContain('chờ đặt mật khẩu mới');
    await page.screenshot({ path: 'test-results/screen-settings-admin.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The clerk's session ended: the next call shows the login form with the core's reason.
    await clerk.keyboard.press('Control+k');
    await clerk.keyboard.type('Nguyễn');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('login-form').waitFor();
    expect(await clerk.locator('[data-testid=login-form] [role=alert]').textContent()).toMatch(/\S/u);
    // The old password is gone; the temporary one leads to the new-password form, then the shell.
    expect((await tryLogin(page, 'canbo', DEMO_PASSWORD)).code).toBe('auth.bad-credentials');
    await clerk.getByTestId('login-form').locator('input[name=username]').fill('canbo');
    await clerk.getByTestId('login-form').locator('input[name=password]').fill(temporary);
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('choose-password-form').waitFor();
    await clerk.keyboard.type('canbo');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('canbo');
    await clerk.keyboard.press('Enter');
    expect(await clerk.getByTestId('choose-new-error').textContent()).toBe('Mật khẩu mới cần ít nhất 8 ký tự.');
    await clerk.getByTestId('choose-new').fill('mat-khau-cua-canbo');
    await clerk.getByTestId('choose-repeat').fill('mat-khau-cua-canbo');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('status-bar').waitFor();
    await clerk.close();
    expect((await tryLogin(page, 'canbo', 'mat-khau-cua-canbo')).code).toBe('ok');

    await page.reload();
    await page.getByTestId('status-bar').waitFor();
    expect(await page.getByTestId('login-form').count()).toBe(0);
    expect(await page.getByTestId('status-user').textContent()).toMatch(/\S/u);
    await expect.poll(() => page.getByTestId('status-sync').textContent()).toContain('bản đào tạo');

    // A session the core reports locked comes back after a reload as the lock screen, not the
    // shell (the 15-minute idle time is not configurable here: the answer is the core's shape).
    await page.route('**/api/session.current', async (route) => {
      const real = (await (await route.fetch()).json()) as { ok: true; value: { user: unknown; locked: boolean } };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { ...real.value, locked: true } }) });
    }, { times: 1 });
    await page.reload();
    await page.getByTestId('lock-form').waitFor();
    await page.keyboard.type('motcua-demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('lock-form').waitFor({ state: 'detached' });
    await page.getByTestId('settings').waitFor();
    await page.close();
  });
});
