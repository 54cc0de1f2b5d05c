import { vi } from 'vitest';

/** Captures what the CLI prints: stdout lines and stderr lines, each call joined by spaces. */
export function captureConsole(): { out: string[]; err: string[]; text: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err, text: () => [...out, ...err].join('\n') };
}

/** The JSON document a `--json` command printed on stdout. */
export function jsonOutput(out: readonly string[]): { ok: boolean; value?: unknown; error?: { code: string; message: { vi: string; en: string } } } {
  return JSON.parse(out.join('\n')) as { ok: boolean };
}
