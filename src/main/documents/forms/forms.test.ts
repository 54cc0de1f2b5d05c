/**
 * Every form from fictitious dossiers with long Vietnamese names, read back with poppler:
 * the text comes back exact in NFC, the font is embedded as a subset, the QR decodes to the code.
 * Page 1 of each is left in test-results/forms/ for a reviewer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SlipToPrint } from '../../../shared/api/dossiers';
import { slipKinds, type SlipKind } from '../../../shared/dossier/states';
import { renderRegister, renderSlip, type Paper } from './index';

const OUT = join(process.cwd(), 'test-results', 'forms');
const work = mkdtempSync(join(tmpdir(), 'forms-'));
const office = { parent: 'Ủy ban nhân dân huyện Thường Xuân', name: 'Ủy ban nhân dân xã Xuân Lộc', place: 'Xuân Lộc' };
// Long, decomposed (NFD) on purpose: the writer must normalise.
const applicant = 'Nguyễn Thị Hoàng Khánh Quỳnh Phương Uyên'.normalize('NFD');
const address = 'Thôn Đồng Tâm Thượng, xã Xuân Lộc, huyện Thường Xuân, tỉnh Thanh Hóa, cạnh trường Tiểu học';

function slip(kind: SlipKind, code: string): SlipToPrint {
  return {
    kind,
    title: { vi: 'x', en: 'x' },
    dossierId: '01JDEMO0000000000000000000',
    dossierCode: code,
    procedureName: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con và cấp Giấy khai sinh bản sao',
    applicantName: applicant,
    officer: 'Lê Thị Bích Ngọc',
    issuedAt: '2026-11-23T01:05:00.000Z',
    dueAt: '2026-11-25T10:00:00.000Z',
    dueText: '17 giờ 00 phút, ngày 25/11/2026',
    previousDueAt: kind === 'apology' ? '2026-11-24T10:00:00.000Z' : null,
    reason: kind === 'receipt' ? null : 'Thiếu bản sao Giấy chứng nhận kết hôn của cha mẹ; tờ khai chưa ghi rõ nơi sinh của trẻ.',
    documents: [
      { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh (theo mẫu)' },
      { key: 'giay-chung-sinh', name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp' },
    ],
  };
}

/** The share of dark pixels on page 1 rendered in grey at 30 dpi (binary PGM: header, then one byte a pixel). */
function darkShare(file: string): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', '-singlefile', file]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (header?.[1] === undefined || header[2] === undefined) throw new Error('pdftoppm -gray gave no PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark += 1;
  return dark / pixels.length;
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

function check(name: string, pdf: Uint8Array, code: string | null, mustContain: readonly string[]): void {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = pdftotext(file);
  expect(text).toBe(text.normalize('NFC'));
  const flat = text.replace(/\s+/g, ' ');
  for (const s of mustContain) expect(flat).toContain(s.normalize('NFC'));
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const rows = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatch(/^[A-Z]{6}\+LiberationSerif/);
    expect(row).toMatch(/yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb and sub both "yes"
  }
  mkdirSync(OUT, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, name)]);
  // Ink on paper, not blocks: a table or QR filled solid (pdf-lib fills shapes black by default) darkens the page.
  expect(darkShare(file)).toBeLessThan(0.12);
  if (code !== null) {
    const decoded = execFileSync('zbarimg', ['--raw', '-q', join(OUT, `${name}.png`)], { encoding: 'utf8' }).trim();
    expect(decoded.split('\n')).toContain(code);
  }
}

describe('slip forms', () => {
  const a4: Paper = 'a4';
  const cases: { kind: SlipKind; paper: Paper }[] = [...slipKinds.map((kind) => ({ kind, paper: a4 })), { kind: 'receipt', paper: 'roll-80mm' }];
  for (const { kind, paper } of cases) {
    it(`${kind} (${paper}) reads back in NFC with an embedded subset font and a QR of the code`, async () => {
      const code = `000.00.21.H56-261123-0${kind.length}`;
      const pdf = await renderSlip({ slip: slip(kind, code), office, formSet: 'tt01-2018', applicantAddress: address }, paper);
      check(`${kind}-${paper}`, pdf, code, [applicant, code, paper === 'a4' ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'Độc lập - Tự do - Hạnh phúc', 'Độc lập - Tự do - Hạnh phúc']);
    });
  }

  // Widths are cached across documents (layout.ts); the glyphs of each subset must still be its own.
  it('every Vietnamese letter, both cases and all five tones, comes back from each of several documents in a row', async () => {
    const lower = 'aàáảãạ ăằắẳẵặ âầấẩẫậ bcdđ eèéẻẽẹ êềếểễệ ghiìíỉĩị klmn oòóỏõọ ôồốổỗộ ơờớởỡợ pqrst uùúủũụ ưừứửữự vx yỳýỷỹỵ';
    const letters = `${lower} ${lower.toLocaleUpperCase('vi')}`;
    for (const [i, kind] of (['receipt', 'refusal', 'receipt'] as const).entries()) {
      const s = { ...slip(kind, `000.00.21.H56-261123-01${i}`), applicantName: letters, reason: `Lý do ${i}: ${letters.split(' ').reverse().join(' ')}` };
      const pdf = await renderSlip({ slip: s, office, formSet: 'tt01-2018' });
      check(`glyphs-${i}-${kind}`, pdf, null, kind === 'refusal' ? [letters, s.reason] : [letters]);
    }
  });

  it('the register spans several pages with the header row repeated and page numbers', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({
      code: `000.00.21.H56-2611${String(i).padStart(2, '0')}-0001`,
      applicantName: `Trần Văn Hữu Nghĩa Phước Thịnh ${i + 1}`,
      procedureName: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp',
      receivedAt: '2026-11-02T02:00:00.000Z',
      dueAt: '2026-11-04T10:00:00.000Z',
      status: 'Đã trả kết quả',
    }));
    const pdf = await renderRegister({ office, from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', rows, date: new Date('2026-11-30T09:00:00Z') });
    check('register-a4', pdf, null, ['SỔ THEO DÕI HỒ SƠ', 'Trần Văn Hữu', 'Tổng số: 70 hồ sơ']);
    const file = join(work, 'register-a4.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(2);
    const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    expect(last).toContain('Mã hồ sơ');
    expect(last).toContain(`Trang ${pages}/${pages}`);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });
});
