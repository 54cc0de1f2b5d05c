/*
 * The victim of test/integration/crash-safety.test.ts: receives dossiers as fast as it can, each
 * in one durable transaction (sequence number, dossier, event, outbox entry), and prints
 * "committed <code> <id>" only after the commit returned. The test kills it with SIGKILL at a
 * random moment. Usage: node crash-writer.cjs <db path> <round>
 */
import { openStore } from '../../src/main/store/db';
import { appendDossierEvent } from '../../src/main/store/repos/dossier-events';
import { allocateDossierSequence } from '../../src/main/store/repos/dossier-sequences';
import { insertDossier } from '../../src/main/store/repos/dossiers';
import { enqueueOutbox } from '../../src/main/store/repos/outbox';
import { uuidv7 } from '../../src/shared/id/uuidv7';

const [path, roundText] = process.argv.slice(2);
if (path === undefined || roundText === undefined) throw new Error('usage: crash-writer <db> <round>');
const round = Number(roundText);
const AGENCY = '000.00.00.X99';
// Each round writes on its own day, so no round can run out of the day's 9,999 numbers.
const dayMs = Date.UTC(2026, 0, 1) + round * 86_400_000;
const day = new Date(dayMs).toISOString().slice(0, 10);
const yymmdd = day.slice(2).replaceAll('-', '');
// A form big enough that one transaction spans several pages of the WAL.
const form = { note: 'Giấy khai sinh bản chính; '.repeat(120), attachments: Array.from({ length: 20 }, (_, i) => `tờ ${i}`) };

const store = openStore(path);
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const now = new Date(dayMs + n).toISOString();
  const id = uuidv7(dayMs + n);
  const code = store.write(
    (db) => {
      const sequence = allocateDossierSequence(db, AGENCY, day, (last) => (last?.day === day ? last.sequence + 1 : 1));
      const dossierCode = `${AGENCY}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
      insertDossier(db, {
        id,
        code: dossierCode,
        procedureCode: '1.001193',
        procedureVersion: 1,
        status: 'received',
        channel: 'counter',
        applicantName: `Nguyễn Văn Thử ${n}`,
        applicantIdNumber: '001200999123',
        applicantPhone: '0999000111',
        form,
        receivedAt: now,
        receivedBy: 'clerk-1',
        dueAt: now,
        createdAt: now,
      });
      appendDossierEvent(db, { id: uuidv7(dayMs + n), dossierId: id, at: now, actorId: 'clerk-1', action: 'receive', toStatus: 'received' });
      enqueueOutbox(db, { idempotencyKey: uuidv7(dayMs + n), kind: 'dossier.received', entityId: id, payload: { id, code: dossierCode, form }, createdAt: now });
      return dossierCode;
    },
    { durable: true },
  );
  process.stdout.write(`committed ${code} ${id}\n`);
}
