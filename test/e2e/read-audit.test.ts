/**
 * The audit of reads on screen (issue 13): a leader opens a dossier a clerk has read and sees
 * who looked at it and how; on Reports the unusual-access check answers for the period. Built
 * host, real Chromium, a training folder with invented people.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../helpers/axe';
import { launchChromium } from '../helpers/chromium';
import { apiSession, signIn } from '../helpers/counter-page';
import { birthReceipt, newFormId } from '../helpers/counter-core';
import { startHostProcess, type HostProcess } from '../helpers/host-process';

const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-audit-'));
let browser: Browser;
let host: HostProcess;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  [browser, host] = await Promise.all([launchChromium(), startHostProcess(dataDir)]);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('who looked at a dossier', () => {
  it('shows a leader every read of the dossier, and the unusual-access check on Reports', async () => {
    const clerk = await apiSession(host, 'canbo');
    const id = newFormId(Date.now());
    const received = (await clerk('dossier.receive', birthReceipt(id))) as { ok: boolean; value?: { dossier: { code: string } } };
    expect(received.ok).toBe(true);
    expect((await clerk('dossier.get', { id })).ok).toBe(true);
    expect((await clerk('slip.preview', { dossierId: id, kind: 'receipt' })).ok).toBe(true);

    const page = await signIn(browser, host, 'lanhdao', undefined, { formTimeoutMs: 60_000 });
    await page.keyboard.press('Alt+3');
    const code = received.value?.dossier.code ?? '';
    await page.getByTestId('search-input').waitFor();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    const row = page.locator('[data-testid=search-results] [data-testid=dossier-row]').filter({ hasText: code });
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('dossier-screen').waitFor();
    const readers = page.getByTestId('readers');
    await readers.locator('tbody tr').first().waitFor();
    const text = (await readers.textContent()) ?? '';
    expect(text).toContain('Nguyễn Thị Thử');
    expect(text).toContain('Xem phiếu');
    expect(text).toContain('Mở hồ sơ');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await readers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screen-dossier-readers.png' });

    await page.keyboard.press('Alt+4');
    await page.getByTestId('unusual-check').click();
    await page.getByTestId('unusual-none').waitFor();
    expect(await page.getByTestId('unusual-none').textContent()).toContain('50');
    // A data subject's request: the applicant's ID number gives one file with that dossier.
    await page.getByTestId('subject-id').fill('001190999001');
    const file = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await file).suggestedFilename()).toBe('du-lieu-ca-nhan-001190999001.json');
    expect(await page.getByTestId('subject-status').textContent()).toContain('Đã xuất 1 hồ sơ');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screen-reports-access.png', fullPage: true });
    await page.close();
  });
});
