/**
 * Receipt PDF budget (issue 6): Mẫu 01 on A4 from slip data, cold (first in a fresh process: fonts
 * read, fontkit parses them) and warm (target < 80 ms), and its size in KB. It runs in its own
 * process: after the sync rows the bench's process holds a PGlite hub's heap and timers, which
 * measured the machine's leftovers rather than the receipt.
 */
import { performance } from 'node:perf_hooks';
import type { SlipToPrint } from '../src/shared/api/dossiers';
import { renderSlip } from '../src/main/documents/forms/index';
import { child } from './scan-bench';
import { summarise, type Row } from './stats';

const slip: SlipToPrint = {
  kind: 'receipt',
  title: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt' },
  dossierId: '019a0000-0000-7000-8000-000000000000',
  dossierCode: '000.00.21.H56-261123-0001',
  procedureName: 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
  applicantName: 'Nguyễn Thị Hoàng Khánh Quỳnh Phương Uyên',
  officer: 'Lê Thị Bích Ngọc',
  issuedAt: '2026-11-23T01:05:00.000Z',
  dueAt: '2026-11-25T10:00:00.000Z',
  dueText: '17 giờ 00 phút, ngày 25/11/2026',
  previousDueAt: null,
  reason: null,
  documents: [
    { key: 'a', name: 'Tờ khai đăng ký khai sinh (theo mẫu)' },
    { key: 'b', name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp' },
  ],
};
const office = { parent: 'Ủy ban nhân dân huyện Thường Xuân', name: 'Ủy ban nhân dân xã Xuân Lộc', place: 'Xuân Lộc' };

interface Samples {
  readonly cold: number;
  readonly warm: number[];
  /** CPU time (user + system) of each warm render: what the receipt costs whatever else runs. */
  readonly cpu: number[];
  readonly bytes: number;
}

/** In the child process: renders the receipt once cold, then `runs` times warm, and prints the times. */
export async function receiptPdfChild(runs: number): Promise<void> {
  const render = () => renderSlip({ slip, office, formSet: 'tt01-2018' });
  let t = performance.now();
  const first = await render();
  const cold = performance.now() - t;
  const warm: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    t = performance.now();
    await render();
    warm.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const samples: Samples = { cold, warm, cpu, bytes: first.length };
  console.log(JSON.stringify(samples));
}

/** Cold, warm and size rows of the receipt PDF, measured in a fresh process. */
export async function receiptPdfRows(benchFile: string, runs: number): Promise<Row[]> {
  const { cold, warm, cpu, bytes } = await child<Samples>(benchFile, ['receipt-pdf', String(Math.max(runs, 40))]);
  return [
    { scenario: 'receipt PDF (Mẫu 01, A4): cold, first in process', samples: 1, summary: summarise([cold]) },
    { scenario: 'receipt PDF (Mẫu 01, A4): warm', samples: warm.length, summary: summarise(warm), budget: 80, budgetOn: 'p95' },
    { scenario: 'receipt PDF (Mẫu 01, A4): warm, CPU time', samples: cpu.length, summary: summarise(cpu) },
    { scenario: 'receipt PDF (Mẫu 01, A4): size', samples: 1, summary: summarise([bytes / 1024]), unit: 'KB' },
  ];
}
