import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page as it stands and returns the serious and
 * critical violations, one line each, for `expect(...).toEqual([])` to print when it fails.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol rather than added as a <script>: the app's CSP
  // (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
  axeSource ??= readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('"axe" in window'))) await page.evaluate(axeSource);
  // A string, evaluated in the page: this file is compiled without the DOM library.
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] };
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}
