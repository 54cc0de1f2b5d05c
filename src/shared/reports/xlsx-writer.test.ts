import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../api/reports';
import { reportSheet } from './report-sheet';
import { buildXlsx, columnName } from './xlsx-writer';

/** Reads the cells back from sheet1.xml: "A1" → text or number, as a spreadsheet program would. */
function readCells(bytes: Uint8Array): Map<string, string | number> {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
  const cells = new Map<string, string | number>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?: t="inlineStr")?>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/gu)) {
    const [, ref = '', text, number] = m;
    cells.set(ref, text !== undefined ? text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&') : Number(number));
  }
  return cells;
}

const counts = (received: number, onTime: number, late: number) => ({ received, resolvedOnTime: onTime, resolvedLate: late, pendingOnTime: 1, pendingOverdue: 0 });
const report: ReportSummary = {
  from: '2026-11-01', to: '2026-12-01', procedureCode: null, asOf: '2026-11-23T04:00:00.000Z',
  total: counts(7, 3, 1), onlineRatio: 0.25, onTimeRatio: 0.75,
  byChannel: [],
  byProcedure: [
    { procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', ...counts(4, 2, 1) },
    { procedureCode: '1.000656', procedureName: 'Đăng ký kết hôn <trong nước> & "Đ"', ...counts(3, 1, 0) },
  ],
  rows: [],
};
const labels = {
  sheet: 'Báo cáo', title: 'Báo cáo tình hình giải quyết hồ sơ', period: 'Từ ngày 01/11/2026 đến ngày 30/11/2026',
  headers: ['Thủ tục', 'Tiếp nhận', 'Đúng hạn', 'Trễ hạn', 'Đang giải quyết (trong hạn)', 'Đang giải quyết (quá hạn)'],
  total: 'Tổng cộng', onlineRatio: 'Tỷ lệ hồ sơ trực tuyến', onTimeRatio: 'Tỷ lệ đúng hạn',
};

describe('xlsx writer', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes the six parts of a SpreadsheetML package', () => {
    const files = unzipSync(buildXlsx(reportSheet(report, labels)));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('<sheet name="Báo cáo" sheetId="1" r:id="rId1"/>');
    expect(strFromU8(files['[Content_Types].xml'] ?? new Uint8Array())).toContain('/xl/worksheets/sheet1.xml');
  });

  it('reads back the report cells: Vietnamese text exact (NFC), numbers as numbers, escaped markup', () => {
    // A decomposed "Đăng ký" (combining marks) must come out composed, as the app stores names.
    const decomposed = { ...report, byProcedure: [{ ...report.byProcedure[0]!, procedureName: 'Đăng ký khai sinh'.normalize('NFD') }, report.byProcedure[1]!] };
    const cells = readCells(buildXlsx(reportSheet(decomposed, labels)));
    expect(cells.get('A1')).toBe('Báo cáo tình hình giải quyết hồ sơ');
    expect(cells.get('A2')).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(cells.get('A4')).toBe('Thủ tục');
    expect(cells.get('E4')).toBe('Đang giải quyết (trong hạn)');
    expect(cells.get('A5')).toBe('Đăng ký khai sinh');
    expect(cells.get('A5')).toBe('Đăng ký khai sinh'.normalize('NFC'));
    expect([cells.get('B5'), cells.get('C5'), cells.get('D5'), cells.get('E5'), cells.get('F5')]).toEqual([4, 2, 1, 1, 0]);
    expect(cells.get('A6')).toBe('Đăng ký kết hôn <trong nước> & "Đ"');
    expect(cells.get('A7')).toBe('Tổng cộng');
    expect(cells.get('B7')).toBe(7);
    expect(cells.get('A9')).toBe('Tỷ lệ hồ sơ trực tuyến');
    expect(cells.get('B9')).toBe(0.25);
    expect(cells.get('B10')).toBe(0.75);
  });

  it('leaves a ratio cell empty when nothing was received, and drops control characters', () => {
    const cells = readCells(buildXlsx(reportSheet({ ...report, onlineRatio: null, byProcedure: [{ ...report.byProcedure[0]!, procedureName: 'Khai\u0007 sinh' }] }, labels)));
    // One procedure: the ratio rows move up by one.
    expect(cells.get('A8')).toBe('Tỷ lệ hồ sơ trực tuyến');
    expect(cells.has('B8')).toBe(false);
    expect(cells.get('B9')).toBe(0.75);
    expect(cells.get('A5')).toBe('Khai sinh');
  });

  it('is byte-identical for the same report (fixed timestamps)', () => {
    expect(buildXlsx(reportSheet(report, labels))).toEqual(buildXlsx(reportSheet(report, labels)));
  });
});
