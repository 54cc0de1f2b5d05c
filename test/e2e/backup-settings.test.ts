/**
 * "Sao lưu ngay" in Settings, end to end: the built browser host on a real data folder with demo
 * dossiers, real Chromium driven by the keyboard. The administrator reaches the button with Tab,
 * starts a backup with Enter, follows the progress bar to 100 %, and sees the file listed; the
 * file is really in the data folder's backups.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { signIn } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-backup-'));
let browser: Browser;
let host: HostProcess;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  execFileSync(process.execPath, [resolve('out/cli/index.cjs'), 'seed-demo', '--dossiers', '3000', '--data-dir', dataDir]);
  [browser, host] = await Promise.all([launchChromium(), startHostProcess(dataDir)]);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const login = (username: string): Promise<Page> => signIn(browser, host, username, undefined, { formTimeoutMs: 60_000 });

/** The data-testid of the focused element (a string: this file is compiled without the DOM library). */
const focused = (page: Page) => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);

describe('backup from Settings', () => {
  it('the administrator backs up by keyboard, follows the progress and sees the backup kept', async () => {
    const page = await login('quantri');
    const nav = page.locator('nav [data-testid^=nav-]');
    const items: (string | null)[] = [];
    for (let i = 0; i < (await nav.count()); i++) items.push(await nav.nth(i).getAttribute('data-testid'));
    await page.keyboard.press(`Alt+${items.indexOf('nav-settings') + 1}`);
    const section = page.getByTestId('settings-backup');
    await section.waitFor();
    expect(await section.getByRole('heading', { level: 3 }).textContent()).toBe('Sao lưu dữ liệu');
    await section.getByText('Chưa có bản sao lưu nào trên máy này.').waitFor();

    // Reached in the tab order, not focused by the test.
    let tabs = 0;
    while ((await focused(page)) !== 'backup-now' && tabs < 60) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(await focused(page)).toBe('backup-now');
    expect(await page.getByTestId('backup-now').textContent()).toBe('Sao lưu ngay');
    await page.keyboard.press('Enter');

    const bar = page.getByRole('progressbar', { name: 'Tiến độ sao lưu' });
    await bar.waitFor();
    const now = await bar.getAttribute('aria-valuenow');
    expect(Number(now)).toBeGreaterThanOrEqual(0);
    expect(Number(now)).toBeLessThanOrEqual(100);
    const ok = page.locator('[data-testid=backup-ok], [data-testid=backup-error]');
    await ok.first().waitFor({ timeout: 60_000 });
    expect(await ok.first().getAttribute('data-testid'), (await ok.first().textContent()) ?? '').toBe('backup-ok');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const file = /motcua-\d{8}T\d{9}Z\.sqlite/u.exec((await ok.first().textContent()) ?? '')?.[0];
    expect(await ok.first().textContent()).toMatch(/^Đã sao lưu xong: motcua-.*\.sqlite \([\d,]+ MB\)$/u);
    expect(file).toBeDefined();
    // The button kept the focus through the backup, so Enter again would start the next one.
    expect(await focused(page)).toBe('backup-now');

    const list = page.getByTestId('backup-list');
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(1);
    expect(await list.locator('tbody tr').first().textContent()).toContain(file);
    // The demo accounts and seeded dossiers live in the training copy: its backups are in its own folder.
    expect(existsSync(join(dataDir, 'training', 'backups', file!))).toBe(true);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-settings-backup.png' });
    await page.close();
  }, 180_000);
});
