import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { DossierSearchResult } from '../../../shared/api/queues';
import { openCoreAt, signIn } from '../../../../test/helpers/core-session';
import { putDossiers, vn } from '../../../../test/helpers/counter-dossiers';
import { useTempDirs } from '../../../../test/helpers/temp-dir';
import type { Core } from '../core';

const tempDir = useTempDirs();
const NOW = vn('2026-11-23', '10:00');

/** Fictitious applicants; numbers in the demo ranges (ID digits 7–9 "999", phones 0999…). */
async function officeWithApplicants() {
  const dir = tempDir();
  const { core } = await openCoreAt(dir, NOW);
  const { token } = await signIn(core, 'canbo');
  const [duc] = putDossiers(dir, [
    { applicantName: 'Đặng Đình Đức', applicantIdNumber: '001090999123', applicantPhone: '0999123456', code: '000.00.00.X99-261120-0007' },
    { applicantName: 'Đặng Văn Đức', applicantIdNumber: '001090999124', applicantPhone: '0999123457' },
    { applicantName: 'Dương Đình Dục', applicantIdNumber: '001090999125', applicantPhone: '0999123458' },
    { applicantName: 'Nguyễn Văn An', applicantIdNumber: '001090999126', applicantPhone: '0999123459' },
  ]);
  if (duc === undefined) throw new Error('seed');
  return { dir, core, token, duc };
}

async function search(core: Core, token: string, input: unknown): Promise<DossierSearchResult> {
  const reply = await core.invoke('dossier.search', input, token);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message.en}`);
  return contract['dossier.search'].output.parse(reply.value);
}

const names = (r: DossierSearchResult) => r.items.map((i) => i.applicantName);

describe('dossier.search: one box, routed by what was typed', () => {
  it('finds a name typed without diacritics, đ included, as a prefix phrase', async () => {
    const { core, token } = await officeWithApplicants();
    expect(await search(core, token, { q: 'dang dinh duc' })).toMatchObject({ route: 'name', items: [{ applicantName: 'Đặng Đình Đức' }] });
    expect(names(await search(core, token, { q: 'DANG DINH D' }))).toEqual(['Đặng Đình Đức']);
    expect(names(await search(core, token, { q: 'đặng' }))).toEqual(['Đặng Văn Đức', 'Đặng Đình Đức']);
    expect(names(await search(core, token, { q: 'dinh d' }))).toEqual(['Dương Đình Dục', 'Đặng Đình Đức']);
    core.dispose();
  });

  it('falls back to words in any order when the phrase finds nobody', async () => {
    const { core, token } = await officeWithApplicants();
    expect(await search(core, token, { q: 'nguyen an' })).toMatchObject({ route: 'name-any-order', items: [{ applicantName: 'Nguyễn Văn An' }] });
    expect(await search(core, token, { q: 'tran thi b' })).toMatchObject({ route: 'name-any-order', items: [], next: null });
    core.dispose();
  });

  it('finds a dossier by its whole code, in any case, with the row a list shows', async () => {
    const { core, token } = await officeWithApplicants();
    const found = await search(core, token, { q: ' 000.00.00.x99-261120-0007 ' });
    expect(found).toMatchObject({ route: 'code', next: null });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ applicantName: 'Đặng Đình Đức', procedureName: 'Đăng ký khai sinh', statusLabel: { vi: 'Đã tiếp nhận' } });
    expect(await search(core, token, { q: '000.00.00.X99-261120-0999' })).toMatchObject({ route: 'code', items: [] });
    core.dispose();
  });

  it('finds by a fragment of a code', async () => {
    const { core, token } = await officeWithApplicants();
    expect(await search(core, token, { q: '261120-0007' })).toMatchObject({ route: 'number', items: [{ applicantName: 'Đặng Đình Đức' }] });
    core.dispose();
  });

  it('finds by the 12-digit ID number, spaces allowed', async () => {
    const { core, token } = await officeWithApplicants();
    expect(await search(core, token, { q: '001 090 999 124' })).toMatchObject({ route: 'id-number', items: [{ applicantName: 'Đặng Văn Đức' }] });
    core.dispose();
  });

  it('finds by phone in national or international form', async () => {
    const { core, token } = await officeWithApplicants();
    expect(await search(core, token, { q: '0999 123 458' })).toMatchObject({ route: 'phone', items: [{ applicantName: 'Dương Đình Dục' }] });
    expect(await search(core, token, { q: '+84 999.123.458' })).toMatchObject({ route: 'phone', items: [{ applicantName: 'Dương Đình Dục' }] });
    core.dispose();
  });

  it('pages newest first until the end, without repeats', async () => {
    const dir = tempDir();
    const { core } = await openCoreAt(dir, NOW);
    const { token } = await signIn(core, 'tuphap');
    putDossiers(dir, Array.from({ length: 23 }, (_, i) => ({ applicantName: `Lê Thị Hoa ${i}` })));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: DossierSearchResult = await search(core, token, { q: 'le thi hoa', limit: 10, ...(after === null ? {} : { after }) });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...names(page));
      after = page.next;
    } while (after !== null);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe('Lê Thị Hoa 22');
    core.dispose();
  });
});

describe('dossier.search refuses bad calls with a typed error', () => {
  it.each([
    ['a number instead of text', { q: 12 }],
    ['an empty box', { q: '   ' }],
    ['oversize text', { q: 'a'.repeat(101) }],
    ['a page too large', { q: 'an', limit: 101 }],
    ['a fractional page', { q: 'an', limit: 2.5 }],
    ['an unknown key', { q: 'an', sql: '1=1' }],
    ['a missing box', {}],
  ])('%s', async (_label, input) => {
    const { core, token } = await officeWithApplicants();
    expect(await core.invoke('dossier.search', input, token)).toMatchObject({ ok: false, error: { code: 'api.invalid-input' } });
    core.dispose();
  });

  it.each(['garbage', 'phone~5', 'name~0'])('refuses the cursor %j for a name search', async (after) => {
    const { core, token } = await officeWithApplicants();
    const reply = await core.invoke('dossier.search', { q: 'dang', after }, token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'list.invalid-cursor' } });
    core.dispose();
  });

  it.each(['tinhnguyen', 'quantri'])('forbids %s (volunteer, admin): citizens’ data is for officers at work', async (username) => {
    const { core } = await officeWithApplicants();
    const { token } = await signIn(core, username);
    const reply = await core.invoke('dossier.search', { q: 'dang' }, token);
    expect(reply).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    if (!reply.ok) expect(reply.error.message.vi).toContain('không được phép');
    core.dispose();
  });

  it('requires a session', async () => {
    const { core } = await officeWithApplicants();
    expect(await core.invoke('dossier.search', { q: 'dang' })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    core.dispose();
  });
});
