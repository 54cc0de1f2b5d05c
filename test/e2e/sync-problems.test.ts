/**
 * The "Đồng bộ" screen end to end: a real hub on loopback (PGlite), a second PC of the commune in
 * this process, and the built browser host on the counter PC's data folder driven in Chromium by
 * the keyboard. The counter PC is set up as a commune's is (issue 12): a package the hub issued,
 * applied to its folder, enrolled by its own scheduler, with accounts its administrator made. The counter PC gets a real refusal (a transition the other PC made illegal) and a
 * real conflict (the phone number changed on both PCs, pulled while its own edit was unsent);
 * the clerk reaches the screen from the status bar, sees both, syncs, and keeps this PC's value,
 * which then reaches the hub.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/services/clock';
import { provisionFolder } from '../../src/main/services/desk/desk';
import { getSyncEnrolment } from '../../src/main/store/repos/sync-enrolment';
import type { DeskStatus } from '../../src/shared/api/desk';
import { SyncClient } from '../../src/sync/client';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { signIn } from '../helpers/counter-page';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { openTestStore } from '../helpers/dossier-fixtures';
import { call, issuePackage, startTestHub, type TestHub } from '../helpers/hub';
import { firstAdminSignIn, openPc, until, value } from '../helpers/provisioned-pc';
import { editOnPc, enrolPc, receiveDossiers, transitionOnPc, type TestPc } from '../helpers/sync-pc';

const COMMUNE = '000.00.00.X99';
/** The counter PC's own people (invented), made by its first administrator; no demo account exists on a commune's data. */
const PEOPLE = [
  { username: 'canbo', displayName: 'Nguyễn Thị Thử', role: 'clerk', password: 'Can-bo-dong-bo-2026' },
  { username: 'lanhdao', displayName: 'Phạm Quốc Lãnh', role: 'leader', password: 'Lanh-dao-dong-bo-2026' },
] as const;
const passwordOf = (username: string): string => PEOPLE.find((p) => p.username === username)?.password ?? '';
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-sync-'));
const otherDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-sync-other-'));
let browser: Browser;
let host: HostProcess | undefined;
let hub: TestHub;
let other: TestPc;
let dossierId: string;
let dossierCode: string;

/**
 * Builds the counter PC's state with the sync client on its data folder before the host starts,
 * so the refusal and the conflict are made by the real client against the real hub, and nothing
 * races the host's own scheduler (which would push the local edit before the pull that conflicts).
 */
async function counterPcWithProblems(): Promise<void> {
  // The counter PC as the data centre sets it up: its package applied, its scheduler enrols it.
  const pkg = await issuePackage(hub, { communeId: COMMUNE, agencyCode: COMMUNE, name: 'UBND xã Thử Nghiệm' });
  const firstAdmin = (JSON.parse(Buffer.from((JSON.parse(pkg.fileText) as { payload: string }).payload, 'base64').toString('utf8')) as { firstAdmin: { username: string } }).firstAdmin.username;
  await provisionFolder(dataDir, pkg.fileText, new Date());
  const desk = await openPc(dataDir, systemClock);
  try {
    const admin = await firstAdminSignIn(desk, firstAdmin, pkg.setupCode);
    for (const { password, ...person } of PEOPLE) value(await desk.invoke('account.create', { ...person, password }, admin));
    await until(async () => value<DeskStatus>(await desk.invoke('desk.status', {})).provision?.enrolment, (e) => e === 'enrolled', 30_000);
  } finally {
    desk.dispose();
  }

  const codeA = (await call(hub, 'POST', `/v1/admin/communes/${COMMUNE}/enrol-codes`, {})).body as { code: string };
  other = await enrolPc(otherDir, hub.url, codeA.code, 'Máy 1');
  // The real client on the counter's folder, with the credentials its own enrolment stored.
  const store = openTestStore(dataDir);
  const enrolment = store.read(getSyncEnrolment);
  if (!enrolment) throw new Error('the counter PC did not enrol');
  const creds = { deviceId: enrolment.deviceId, secret: enrolment.secret };
  const counter: TestPc = { dir: dataDir, store, creds, client: new SyncClient(store, fetch, enrolment.hubUrl, creds) };
  await counter.client.syncOnce();
  const [d] = receiveDossiers(other, 1, { applicantPhone: '0900000001' });
  dossierId = d!.id;
  dossierCode = d!.code!;
  await other.client.syncOnce();
  await counter.client.syncOnce();
  // A refusal: the other PC starts processing, this one still sees 'received' and transfers.
  transitionOnPc(other, dossierId, 'start-processing', 'processing');
  await other.client.syncOnce();
  transitionOnPc(counter, dossierId, 'transfer', 'transferred');
  await counter.client.syncOnce();
  // A conflict: both change the phone; this PC pulls the other's while its own is unsent.
  editOnPc(other, dossierId, { applicantPhone: '0911111111' });
  await other.client.syncOnce();
  editOnPc(counter, dossierId, { applicantPhone: '0922222222' });
  await counter.client.pullOnce();
  await counter.client.dispose();
  counter.store.close();
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  [browser, hub] = await Promise.all([launchChromium(), startTestHub('pglite')]);
  await counterPcWithProblems();
  host = await startHostProcess(dataDir, { desk: 'production' });
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  await other?.client.dispose();
  other?.store.close();
  await hub?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(otherDir, { recursive: true, force: true });
});

/** Presses Tab until `testId` has the focus (at most `limit` times): it must be reachable by keyboard. */
async function tabTo(page: Page, testId: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement?.getAttribute('data-testid') === ${JSON.stringify(testId)}`)) return;
  }
  throw new Error(`${testId} not reached with Tab`);
}

describe('the sync problems screen', () => {
  it('shows a real conflict and a refusal from the status bar, syncs, and keeps this PC’s value by keyboard', async () => {
    const page = await signIn(browser, host!, 'canbo', undefined, { password: passwordOf('canbo') });
    // The bar shows the problems whatever the link's state, and its sync item opens the screen (Enter).
    await expect.poll(() => page.getByTestId('status-sync').textContent(), { timeout: 30_000 }).toMatch(/1 xung đột · 1 bị từ chối/u);
    await page.getByTestId('status-sync').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('sync-screen').waitFor();

    const row = page.getByTestId('conflict-row');
    await row.first().waitFor({ timeout: 30_000 });
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(dossierCode);
    expect(await row.first().textContent()).toContain('Số điện thoại');
    expect(await page.getByTestId('conflict-local').textContent()).toBe('0922222222');
    expect(await page.getByTestId('conflict-hub').textContent()).toBe('0911111111');
    expect(await page.getByTestId('conflict-kept').textContent()).toBe('của trung tâm');

    const refusal = page.getByTestId('rejection-row');
    expect(await refusal.count()).toBe(1);
    const refusalText = (await refusal.first().textContent()) ?? '';
    expect(refusalText).toContain(dossierCode);
    expect(refusalText).toContain('Chuyển bước xử lý hồ sơ');
    expect(refusalText).toMatch(/\(sync\.[a-z-]+\)/u);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screen-sync-problems.png' });

    // "Đồng bộ ngay": pushes the unsent edit; the hub keeps its value and the conflict stays open.
    await tabTo(page, 'sync-now');
    await page.keyboard.press('Enter');
    const done = page.locator('[data-testid=sync-now-ok], [data-testid=sync-now-error]');
    await done.first().waitFor({ timeout: 60_000 });
    expect(await done.first().getAttribute('data-testid')).toBe('sync-now-ok');
    expect(await page.getByTestId('conflict-row').count()).toBe(1);

    // Keep this PC's value, by keyboard only.
    await tabTo(page, 'keep-local');
    await page.keyboard.press('Enter');
    await page.getByTestId('no-conflicts').waitFor({ timeout: 30_000 });

    // Mark the refusal seen: it stays listed, with the moment.
    await tabTo(page, 'rejection-ack');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('rejection-row').first().textContent()).toContain('đã xem lúc');
    await expect.poll(() => page.getByTestId('status-sync').textContent(), { timeout: 30_000 }).not.toMatch(/xung đột|bị từ chối/u);
    expect(await page.getByTestId('rejection-row').count()).toBe(1);

    // The kept value travels as a new edit and the hub applies it.
    await tabTo(page, 'sync-now');
    await page.keyboard.press('Enter');
    await expect.poll(async () => {
      const [onHub] = await hub.db.query('SELECT snapshot FROM dossiers WHERE id = $1', [dossierId]);
      return (onHub?.snapshot as { applicantPhone?: string } | undefined)?.applicantPhone;
    }, { timeout: 60_000 }).toBe('0922222222');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('is in the navigation with its own Alt+digit, fits 1024×768 and is listed in the help panel', async () => {
    const page = await signIn(browser, host!, 'lanhdao', { width: 1024, height: 768 }, { password: passwordOf('lanhdao') });
    const ids: (string | null)[] = [];
    const items = page.locator('nav [data-testid^=nav-]');
    for (let i = 0; i < (await items.count()); i++) ids.push(await items.nth(i).getAttribute('data-testid'));
    expect(ids.at(-1)).toBe('nav-sync');
    await page.keyboard.press(`Alt+${ids.length}`);
    await page.getByTestId('sync-screen').waitFor();
    await page.getByTestId('rejection-row').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: 'test-results/screen-sync-problems-1024.png' });
    await page.keyboard.press('F1');
    expect(await page.getByTestId('help-panel').textContent()).toContain('Đồng bộ');
    await page.close();
  });
});
