/**
 * First run (issue 12), end to end: the built browser host on fresh data folders, real Chromium
 * driven by the keyboard. A fresh folder shows the chooser; "Dùng thử / Đào tạo" opens the
 * training copy, marked ĐÀO TẠO on every screen. "Cài đặt cho xã" takes a package issued by a
 * real test hub that is then shut down: the PC is set up all the same, the enrolment waits for
 * the hub without holding up work, the first administrator signs in with the setup code and
 * must choose a password, and no demo account exists on that commune's data.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { DEMO_PASSWORD } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { issuePackage, startTestHub, type IssuedPackage } from '../helpers/hub';

const DEMO_NAMES = ['canbo', 'tuphap', 'tinhnguyen', 'lanhdao', 'quantri'];
const COMMUNE = { communeId: '000.00.12.T12', agencyCode: '000.00.12.T12', name: 'UBND xã Hoà Bình Thử', province: 'Tỉnh Thử Nghiệm' };

const folders: string[] = [];
const hosts: HostProcess[] = [];
let browser: Browser;
/** The host of the first test, left on its training copy for the reset test. */
let trainingHost: HostProcess | undefined;

/** A fresh root data folder: no desk.json, no package, nothing. */
function freshFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-first-run-'));
  folders.push(dir);
  return dir;
}

async function freshHost(dir: string): Promise<HostProcess> {
  const host = await startHostProcess(dir, { desk: 'as-is' });
  hosts.push(host);
  return host;
}

async function openPage(host: HostProcess, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(host.url);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The data-testid of the focused element. */
const focused = (page: Page) => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);

/** Tries a sign-in with the page's launch token only; 'ok' or the core's error code. */
async function tryLogin(page: Page, username: string, password: string): Promise<string> {
  const reply = await page.evaluate<{ ok: boolean; error?: { code: string } }>(`fetch('/api/session.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-motcua-token': sessionStorage.getItem('motcua.token') ?? '' },
    body: ${JSON.stringify(JSON.stringify({ username, password }))},
  }).then((res) => res.json())`);
  return reply.ok ? 'ok' : reply.error?.code ?? '?';
}

/** Signs in through the API and makes one call with that session; 'ok' or the error code. */
async function loginThenCall(page: Page, username: string, password: string, name: string): Promise<string> {
  const reply = await page.evaluate<{ ok: boolean; error?: { code: string } }>(`(async () => {
    const headers = { 'content-type': 'application/json', 'x-motcua-token': sessionStorage.getItem('motcua.token') ?? '' };
    const login = await (await fetch('/api/session.login', { method: 'POST', headers, body: ${JSON.stringify(JSON.stringify({ username, password }))} })).json();
    if (!login.ok) return login;
    return (await fetch('/api/${name}', { method: 'POST', headers: { ...headers, 'x-motcua-session': login.value.token }, body: '{}' })).json();
  })()`);
  return reply.ok ? 'ok' : reply.error?.code ?? '?';
}

async function typeLogin(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name=username]').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** The first administrator's user name, as the signed package names it (the payload is base64 JSON). */
function firstAdminOf(issued: IssuedPackage): string {
  const file = JSON.parse(issued.fileText) as { payload: string };
  return (JSON.parse(Buffer.from(file.payload, 'base64').toString('utf8')) as { firstAdmin: { username: string } }).firstAdmin.username;
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  await browser?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('first run of a PC', () => {
  it('shows the chooser on a fresh folder; "Dùng thử / Đào tạo" opens the training copy, marked on the login form and in the shell', async () => {
    const dir = freshFolder();
    const host = await freshHost(dir);
    trainingHost = host;
    const page = await openPage(host);
    await page.getByTestId('first-run').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('login-form').count()).toBe(0);
    expect(await page.getByTestId('training-mark').count()).toBe(0);
    expect(await focused(page)).toBe('choose-provision');
    await page.screenshot({ path: 'test-results/screen-first-run.png' });
    await expectAccessible(page);

    // Nothing but the desk answers while the PC is not set up.
    expect(await tryLogin(page, 'canbo', DEMO_PASSWORD)).toBe('desk.not-set-up');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('choose-training');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-form').waitFor({ timeout: 60_000 });
    await page.getByTestId('training-mark').waitFor();
    expect(await page.getByTestId('training-mark').textContent()).toContain('ĐÀO TẠO');
    expect(await page.title()).toContain('ĐÀO TẠO');
    await expectAccessible(page);

    await typeLogin(page, 'canbo', DEMO_PASSWORD);
    await page.getByTestId('status-bar').waitFor();
    await page.getByTestId('section-overdue').waitFor();
    expect(await page.getByTestId('training-mark').isVisible()).toBe(true);
    expect(await page.getByTestId('status-data').textContent()).toBe('Bản đào tạo: UBND xã Thử Nghiệm');
    // No commune data on this PC: nothing to switch to from the training copy.
    expect(await page.getByTestId('status-switch').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screen-training-mark.png' });
    await expectAccessible(page);

    // The sandbox lives in its own folder; the root holds no commune database.
    expect(JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8'))).toEqual({ active: 'training' });
    expect(existsSync(join(dir, 'training', 'motcua.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'motcua.sqlite'))).toBe(false);
    await page.close();
  });

  it('lets the training administrator reset the training copy after a confirm; everyone signs in again, the demo accounts are back', async () => {
    if (!trainingHost) throw new Error('the first test did not open the training copy');
    const page = await openPage(trainingHost);
    await page.getByTestId('login-form').waitFor();
    await typeLogin(page, 'quantri', DEMO_PASSWORD);
    await page.getByTestId('settings-training-reset').waitFor();
    // Something practised: an account made in the sandbox.
    for (const [field, text] of [['username', 'hocvien'], ['displayName', 'Học Viên Tập'], ['password', 'Mat-khau-hoc-vien']] as const) {
      await page.getByTestId(`user-${field}`).focus();
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('user-created').waitFor();
    expect(await tryLogin(page, 'hocvien', 'Mat-khau-hoc-vien')).toBe('ok');

    await page.getByTestId('training-reset').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('training-reset-dialog').waitFor();
    expect(await focused(page)).toBe('training-reset-dialog-cancel');
    await page.getByTestId('training-reset-dialog').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-training-reset.png' });
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('training-reset-dialog-confirm');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-form').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=login-form] [role=alert]').textContent()).toBe('Dữ liệu đào tạo đã được làm lại. Hãy đăng nhập lại.');
    await page.getByTestId('training-mark').waitFor();
    expect(await tryLogin(page, 'hocvien', 'Mat-khau-hoc-vien')).toBe('auth.bad-credentials');
    for (const name of DEMO_NAMES) expect(await tryLogin(page, name, DEMO_PASSWORD), name).toBe('ok');
    await page.close();
  });

  it('sets up for the commune from a package while the hub is down: progress with the enrolment waiting, first administrator with the setup code, a new password, the shell; no demo account signs in', async () => {
    const hub = await startTestHub('pglite');
    let issued: IssuedPackage;
    try {
      issued = await issuePackage(hub, COMMUNE);
    } finally {
      await hub.close();
    }
    const admin = firstAdminOf(issued);

    const dir = freshFolder();
    const host = await freshHost(dir);
    const page = await openPage(host);
    await page.getByTestId('first-run').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.getByTestId('provision-screen').waitFor();
    expect(await page.getByTestId('package-paths').textContent()).toContain(join(dir, 'provision.motcua'));
    await expectAccessible(page);

    // Nothing in the known places yet: the screen says where to put the file, and stays.
    expect(await focused(page)).toBe('provision-look-again');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('provision-error').textContent()).toContain('Không thấy gói cài đặt');
    // The file button ("Chọn tệp cài đặt…", in Vietnamese whatever the browser's language) is the next Tab stop.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('provision-file');
    // An altered package: refused in Vietnamese, nothing written, the screen still there.
    const file = JSON.parse(issued.fileText) as { signature: string };
    const signature = Buffer.from(file.signature, 'base64');
    signature[0] = (signature[0] ?? 0) ^ 1;
    const altered = JSON.stringify({ ...file, signature: signature.toString('base64') });
    await page.getByTestId('provision-file').setInputFiles({ name: 'provision.motcua', mimeType: 'application/json', buffer: Buffer.from(altered) });
    await expect.poll(() => page.getByTestId('provision-error').textContent()).toContain('Không có gì được ghi');
    expect(existsSync(join(dir, 'motcua.sqlite'))).toBe(false);
    await page.screenshot({ path: 'test-results/screen-provision-error.png' });
    await expectAccessible(page);

    // The real package, through the file picker.
    await page.getByTestId('provision-file').setInputFiles({ name: 'xa-hoa-binh-thu.motcua', mimeType: 'application/json', buffer: Buffer.from(issued.fileText) });
    await page.getByTestId('provision-progress').waitFor({ timeout: 60_000 });
    await page.getByTestId('login-form').waitFor();
    for (const step of ['package', 'commune', 'catalogue', 'first-admin']) expect(await page.getByTestId(`step-${step}`).getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('step-enrolment').getAttribute('data-state')).toBe('waiting');
    expect(await page.getByTestId('enrolment-state').textContent()).toContain('Đang chờ máy chủ thành phố — máy vẫn tiếp nhận hồ sơ bình thường');
    expect(await page.getByTestId('progress-commune').textContent()).toBe(COMMUNE.name);
    expect(await page.getByTestId('first-admin-hint').textContent())
      .toBe(`Đăng nhập lần đầu bằng tài khoản ${admin} và mã cài đặt do trung tâm dữ liệu cung cấp.`);
    expect(await page.getByTestId('office').textContent()).toBe(COMMUNE.name);
    expect(await page.getByTestId('training-mark').count()).toBe(0);
    // The hub is down: the core's failed attempt shows under the waiting enrolment (polled).
    await page.getByTestId('enrolment-error').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/screen-provision-progress.png' });
    await expectAccessible(page);

    // No demo account on the commune's data, whichever of the five names.
    for (const name of DEMO_NAMES) expect(await tryLogin(page, name, DEMO_PASSWORD), name).toBe('auth.bad-credentials');
    await typeLogin(page, 'quantri', DEMO_PASSWORD);
    await expect.poll(() => page.locator('[data-testid=login-form] [role=alert]').textContent()).toMatch(/\S/u);
    expect(await page.getByTestId('status-bar').count()).toBe(0);

    // The first administrator, with the setup code: a new password first, errors inline.
    await page.getByTestId('login-form').locator('input[name=username]').fill('');
    await page.getByTestId('login-form').locator('input[name=password]').fill('');
    await typeLogin(page, admin, issued.setupCode);
    await page.getByTestId('choose-password-form').waitFor();
    expect(await page.getByTestId('choose-username').textContent()).toBe(admin);
    expect(await focused(page)).toBe('choose-new');
    await page.screenshot({ path: 'test-results/screen-choose-password.png' });
    await expectAccessible(page);
    // The core refuses everything else until then.
    expect(await loginThenCall(page, admin, issued.setupCode, 'account.list')).toBe('auth.must-change-password');
    // The user name as password, and a repetition that differs: both said beside their boxes.
    await page.keyboard.type(admin);
    await page.keyboard.press('Tab');
    await page.keyboard.type('khong-giong-nhau');
    await page.keyboard.press('Enter');
    await page.getByTestId('choose-repeat-error').waitFor();
    expect(await page.getByTestId('choose-new-error').textContent()).toMatch(/^(Mật khẩu không được trùng với tên đăng nhập\.|Mật khẩu mới cần ít nhất 8 ký tự\.)$/u);
    expect(await focused(page)).toBe('choose-new');
    expect(await page.getByTestId('choose-repeat-error').textContent()).toBe('Hai lần nhập không giống nhau.');
    await expectAccessible(page);
    await page.getByTestId('choose-new').fill('Mat-khau-xa-Hoa-Binh');
    await page.getByTestId('choose-repeat').fill('Mat-khau-xa-Hoa-Binh');
    await page.getByTestId('choose-repeat').focus();
    await page.keyboard.press('Enter');

    // Work goes on while the enrolment waits: the shell, the commune's real data in the bar.
    await page.getByTestId('status-bar').waitFor();
    expect(await page.getByTestId('status-data').textContent()).toBe(`Dữ liệu thật: ${COMMUNE.name}`);
    expect(await page.getByTestId('training-mark').count()).toBe(0);
    await page.getByTestId('settings-hub').waitFor();
    await expect.poll(() => page.getByTestId('hub-enrolment').textContent()).toBe('đang chờ máy chủ thành phố');
    expect(await page.getByTestId('hub-address').textContent()).toBe(hub.url.replace(/\/+$/u, ''));
    // The bar says the PC waits for the hub, not "not enrolled".
    await expect.poll(() => page.getByTestId('status-sync').textContent()).toContain('đang chờ máy chủ thành phố');
    await page.getByTestId('settings-hub').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-provisioned-settings.png' });
    await expectAccessible(page);
    expect(await tryLogin(page, admin, issued.setupCode)).toBe('auth.bad-credentials');
    expect(await tryLogin(page, admin, 'Mat-khau-xa-Hoa-Binh')).toBe('ok');
    // The administrator makes the commune's first clerk account.
    for (const [field, text] of [['username', 'nguyenvanan'], ['displayName', 'Nguyễn Văn An'], ['password', 'Mat-khau-can-bo-An']] as const) {
      await page.getByTestId(`user-${field}`).focus();
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('user-created').waitFor();

    // The bar's switch asks first (everyone is signed out), then opens the training copy.
    await page.getByTestId('status-switch').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('switch-dialog').waitFor();
    expect(await focused(page)).toBe('switch-dialog-cancel');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('switch-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('status-bar').count()).toBe(1);
    await page.getByTestId('status-switch').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('switch-dialog-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('training-mark').waitFor();
    expect(await tryLogin(page, 'canbo', DEMO_PASSWORD)).toBe('ok');

    // And back from the login screen: the commune's data, its progress without the first-login hint.
    await page.getByTestId('login-switch').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('switch-dialog-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('provision-progress').waitFor();
    await expect.poll(() => page.getByTestId('training-mark').count()).toBe(0);
    expect(await page.getByTestId('first-admin-hint').count()).toBe(0);
    for (const name of DEMO_NAMES) expect(await tryLogin(page, name, DEMO_PASSWORD), name).toBe('auth.bad-credentials');
    await page.close();

    // The progress beside the sign-in form fits 1024×768 without scrolling sideways.
    const narrow = await openPage(host, { width: 1024, height: 768 });
    await narrow.getByTestId('provision-progress').waitFor();
    expect(await narrow.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await narrow.screenshot({ path: 'test-results/screen-provision-progress-1024.png' });

    // The clerk works while the enrolment waits: Today, and a bar that still fits at 1024 px.
    await typeLogin(narrow, 'nguyenvanan', 'Mat-khau-can-bo-An');
    await narrow.getByTestId('section-overdue').waitFor();
    expect(await narrow.getByTestId('status-data').textContent()).toBe(`Dữ liệu thật: ${COMMUNE.name}`);
    await expect.poll(() => narrow.getByTestId('status-sync').textContent()).toContain('đang chờ máy chủ thành phố');
    const bar = await narrow.getByTestId('status-bar').boundingBox();
    for (const id of ['status-data', 'status-switch', 'status-user', 'status-sync', 'status-scanner', 'status-printer']) {
      const box = await narrow.getByTestId(id).boundingBox();
      expect(box && bar && box.x + box.width <= bar.x + bar.width && box.y + box.height <= bar.y + bar.height, `${id} inside the bar`).toBe(true);
    }
    // Nothing cut off: every item shows all of its words (it wraps to a second line instead).
    expect(await narrow.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=status-bar] > *')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent)`)).toEqual([]);
    await narrow.screenshot({ path: 'test-results/screen-provisioned-clerk-1024.png' });
    await expectAccessible(narrow);
    await narrow.close();
  });
});
