import type { Browser, Page } from 'playwright-core';
import type { HostProcess } from './host-process';

export const DEMO_PASSWORD = 'motcua-demo';

export interface SignInOptions {
  /** How long the first page may take (a cold host on a shared CI machine is slow); Playwright's default otherwise. */
  readonly formTimeoutMs?: number;
  /** Runs once the login form is shown, before anything is typed (a screenshot of it). */
  readonly atLoginForm?: (page: Page) => Promise<unknown>;
  /** A provisioned commune's own accounts have their own passwords; the demo one otherwise (training copy). */
  readonly password?: string;
}

/** Signs an account in through the login form, by keyboard, and waits for the shell (a demo account of the training copy unless `password` says otherwise). */
export async function signIn(browser: Browser, host: HostProcess, username: string, viewport = { width: 1366, height: 768 }, options: SignInOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(host.url);
  await page.getByTestId('login-form').waitFor(options.formTimeoutMs === undefined ? {} : { timeout: options.formTimeoutMs });
  await options.atLoginForm?.(page);
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(options.password ?? DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('status-bar').waitFor();
  return page;
}

/**
 * Drives the keyboard and counts what a clerk would press: one per key or chord, one per
 * character typed (an IME or Telex user may press more for a Vietnamese letter; this counts
 * the characters that land in the box).
 */
export class CountingKeyboard {
  presses = 0;
  characters = 0;
  tabs = 0;
  constructor(private readonly page: Page) {}
  get total(): number { return this.presses + this.characters; }
  async press(key: string): Promise<void> {
    this.presses += 1;
    if (key === 'Tab' || key === 'Shift+Tab') this.tabs += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.characters += [...text].length;
    await this.page.keyboard.type(text);
  }
}

/** Calls the API over HTTP as `username`, the way a hostile page script could: for role checks. */
export async function apiSession(host: HostProcess, username: string): Promise<(name: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> {
  const launch = /#token=([^&]+)/u.exec(host.url)?.[1] ?? '';
  const base = host.url.replace(/\/?#.*$/u, '');
  const post = async (name: string, input: unknown, session?: string) => {
    const response = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-token': launch, ...(session ? { 'x-motcua-session': session } : {}) },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: { token: string }; error?: { code: string } };
  };
  const login = await post('session.login', { username, password: DEMO_PASSWORD });
  if (!login.ok || !login.value) throw new Error(`login ${username} failed: ${JSON.stringify(login.error)}`);
  const token = login.value.token;
  return (name, input) => post(name, input, token);
}
