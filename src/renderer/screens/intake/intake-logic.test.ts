import { describe, expect, it } from 'vitest';
import type { ProcedureListItem } from '../../../shared/api/dossiers';
import { loadSeedCatalogue } from '../../../shared/procedures/seed-catalogue';
import { estimateDue } from './intake-logic';

const birth = loadSeedCatalogue().procedures.find((p) => p.code === '1.001193') as unknown as ProcedureListItem;
/** Wall-clock moments in Hà Nội as epoch milliseconds. */
const vn = (day: string, time: string) => Date.parse(`${day}T${time}:00.000+07:00`);

describe('the appointment shown live while the form is typed', () => {
  it('moves to the next working day once the same-day cut-off passes while the clerk types', () => {
    const before = estimateDue(birth, vn('2026-11-23', '14:50'));
    const after = estimateDue(birth, vn('2026-11-23', '15:10'));
    expect(before).toMatch(/23\/11\/2026$/u);
    expect(after).toMatch(/24\/11\/2026$/u);
  });
});
