/**
 * `printer.test` from the settings screen, through the core and the real CUPS queue MotcuaPDF:
 * the job completes and its PDF comes out of cups-pdf; an unknown printer is refused.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loginAs, openCounterCore, valueOf } from '../../../../test/helpers/counter-core';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import { contract } from '../../../shared/api/contract';

const tempDir = useTempDirs();
const hasLpstat = spawnSync('which', ['lpstat']).status === 0;
const OUT = '/var/spool/cups-pdf/ANONYMOUS';

// cups-pdf names its output after the title and the job number (its text is re-encoded by Ghostscript).
const outputOf = (jobId: string) => readdirSync(OUT).filter((f) => f.endsWith(`-job_${jobId.split('-').at(-1)}.pdf`));

describe.skipIf(!hasLpstat)('printer.test through CUPS (lpstat absent: install cups-client and run scripts/setup.d/cups.sh)', () => {
  it('prints the test page on the remembered A4 printer and reports the completed job', async () => {
    const t = await openCounterCore(tempDir());
    try {
      const clerk = await loginAs(t.core, 'canbo');
      valueOf(await t.core.invoke('printer.set-default', { paper: 'a4', printer: 'MotcuaPDF' }, clerk));
      const reply = contract['printer.test'].output.parse(valueOf(await t.core.invoke('printer.test', { paper: 'a4' }, clerk)));
      expect(reply).toMatchObject({ printer: 'MotcuaPDF', state: 'completed' });
      expect(reply.jobId).toMatch(/^MotcuaPDF-\d+$/u);
      await expect.poll(() => outputOf(reply.jobId)).toEqual([expect.stringMatching(/^Motcua_Desk_/u)]);
      const missing = await t.core.invoke('printer.test', { paper: 'a4', printer: 'NoSuchPrinter' }, clerk);
      expect(missing.ok ? '' : missing.error.code).toMatch(/^printer\./u);
    } finally {
      t.close();
    }
  });
});
