/**
 * A test page for support staff (`print-test --printer P`): a receipt of a fictitious dossier,
 * printed and followed to its final state, without touching any real dossier.
 */
import type { SlipToPrint } from '../../../shared/api/dossiers';
import { slips } from '../../../shared/dossier/states';
import type { Printer, PrintJob } from '../../devices/printer/printer';
import { renderSlip, type Paper } from '../../documents/forms/index';

const TEST_CODE = 'TEST-000.00.00.X99-000000-0000';

/** Renders the test receipt and prints it on `printer`; resolves once the job completed. */
export async function printTestPage(printer: Printer, name: string, paper: Paper, now: Date): Promise<PrintJob> {
  const slip: SlipToPrint = {
    kind: 'receipt',
    title: slips.receipt.label,
    dossierId: TEST_CODE,
    dossierCode: TEST_CODE,
    procedureName: 'TRANG IN THỬ — không có giá trị pháp lý',
    applicantName: 'Nguyễn Thị Thử Nghiệm',
    officer: 'Cán bộ hỗ trợ kỹ thuật',
    issuedAt: now.toISOString(),
    dueAt: null,
    dueText: null,
    previousDueAt: null,
    reason: null,
    documents: [{ key: 'test', name: 'Kiểm tra phông chữ: ă â đ ê ô ơ ư — Ắ Ằ Ẳ Ẵ Ặ Ố Ồ Ổ Ỗ Ộ Ứ Ừ Ử Ữ Ự' }],
  };
  const pdf = await renderSlip({ slip, office: { parent: 'Trang in thử', name: 'Motcua Desk', place: 'Motcua Desk' }, formSet: 'tt01-2018', date: now }, paper);
  const job = await printer.print({ printer: name, pdf, title: 'Motcua Desk — in thử', paper });
  await printer.waitForJob(job, 60_000);
  return job;
}
