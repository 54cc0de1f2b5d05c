import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the background services that dial out switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
