/**
 * A core on a real data folder with the demo commune, signed-in demo accounts, and a second
 * connection to the same SQLite file so tests can look at what was (or was not) written.
 * The people in the forms below are invented: IDs carry "999" as digits 7–9 and phones start
 * with 0999, like the demo data.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { demoPassword } from '../../src/main/services/accounts/demo-accounts';
import { openCore, databaseFileName, type Core } from '../../src/main/services/core';
import { demoCommune } from '../../src/main/services/settings/commune';
import { openStore, type Store } from '../../src/main/store/db';
import { countDossierEvents } from '../../src/main/store/repos/dossier-events';
import { lastIssuedSequence } from '../../src/main/store/repos/dossier-sequences';
import { countDossiers } from '../../src/main/store/repos/dossiers';
import { countUnsentOutbox } from '../../src/main/store/repos/outbox';
import { listDraftsByUser } from '../../src/main/store/repos/drafts';
import { listUsers } from '../../src/main/store/repos/users';
import type { ApiResult } from '../../src/shared/api/result';
import { uuidv7 } from '../../src/shared/id/uuidv7';
import { manualClock } from './fixed-clock';
import type { CoreContext } from '../../src/main/services/core-context';

/** Monday 23/11/2026 08:00 in Hà Nội. */
export const MONDAY_8AM = '2026-11-23T01:00:00.000Z';

export interface CounterCore {
  readonly core: Core;
  readonly clock: ReturnType<typeof manualClock>;
  /** A second connection to the core's database file, for looking. */
  readonly store: Store;
  readonly dataDir: string;
  close(): void;
}

export async function openCounterCore(dataDir: string, at = MONDAY_8AM, extra: Pick<CoreContext, 'printer'> = {}): Promise<CounterCore> {
  const clock = manualClock(at);
  const core = await openCore({ version: 't', dataDir, profile: 'training', host: 'cli', clock, ...extra });
  const store = openStore(join(dataDir, databaseFileName));
  return {
    core,
    clock,
    store,
    dataDir,
    close() {
      store.close();
      core.dispose();
    },
  };
}

/** Signs a demo account in and returns its token. */
export async function loginAs(core: Core, username: string): Promise<string> {
  const reply = await core.invoke('session.login', { username, password: demoPassword });
  if (!reply.ok) throw new Error(reply.error.code);
  return (reply.value as { token: string }).token;
}

/** The value of a successful reply; fails the test with the error otherwise. */
export function valueOf<T = Record<string, unknown>>(reply: ApiResult<unknown>): T {
  if (!reply.ok) expect.fail(`${reply.error.code}: ${reply.error.message.vi}`);
  return reply.value as T;
}

/** Everything a refused call must leave as it was. */
export function snapshot(store: Store): Record<string, unknown> {
  return store.read((db) => ({
    dossiers: countDossiers(db),
    events: countDossierEvents(db),
    outbox: countUnsentOutbox(db),
    sequence: lastIssuedSequence(db, demoCommune.agencyCode) ?? null,
    drafts: listUsers(db).reduce((n, u) => n + listDraftsByUser(db, u.id).length, 0),
  }));
}

/** A fresh id for a form, as the screen makes one when it opens. */
export const newFormId = (at = Date.parse(MONDAY_8AM)): string => uuidv7(at);

/** A complete birth registration (1.001193) of an invented family. */
export function birthReceipt(id: string) {
  return {
    from: 'counter' as const,
    id,
    procedureCode: '1.001193',
    applicant: { name: '  Đặng  Thị Thử Nghiệm ', idNumber: '001 190 999 001', phone: '0999 123 456' },
    values: {
      requesterName: 'Đặng Thị Thử Nghiệm',
      requesterPersonalId: '001190999001',
      requesterIdDocument: 'Căn cước số 001190999001',
      requesterRelation: 'Mẹ',
      requesterPhone: '+84 999 123 456',
      childName: 'Trần  Văn Mẫu',
      childBirthDate: '2026-11-10',
      childSex: 'nam',
      childEthnicity: 'Kinh',
      childNationality: 'Việt Nam',
      childBirthPlace: 'Trạm y tế xã Thử Nghiệm',
      childHometown: 'xã Thử Nghiệm, Tỉnh Mẫu',
      motherName: 'Đặng Thị Thử Nghiệm',
      motherBirthYear: '1990',
      extraCopies: 1,
    } as Record<string, string | number | null>,
    documents: ['declaration', 'birthCertificate', 'identityDocument'],
  };
}

/** A complete marital-status certificate request (1.004873, three working days). */
export function maritalReceipt(id: string) {
  return {
    from: 'counter' as const,
    id,
    procedureCode: '1.004873',
    applicant: { name: 'Lê Văn Thử', idNumber: '001085999002', phone: '0999000111' },
    values: {
      requesterName: 'Lê Văn Thử',
      requesterPersonalId: '001085999002',
      requesterIdDocument: 'Căn cước số 001085999002',
      requesterRelation: 'Bản thân',
      subjectName: 'Lê Văn Thử',
      subjectBirthDate: '1985-04-02',
      subjectSex: 'nam',
      subjectPersonalId: '001085999002',
      subjectEthnicity: 'Kinh',
      subjectNationality: 'Việt Nam',
      subjectResidence: 'Thôn Mẫu, xã Thử Nghiệm',
      subjectIdDocument: 'Căn cước số 001085999002',
      maritalStatus: 'Chưa đăng ký kết hôn với ai',
      purpose: 'Đăng ký kết hôn',
    } as Record<string, string | number | null>,
    documents: ['declaration', 'identityDocument'],
  };
}

/**
 * Lets `ms` pass while the officers keep their screens in use, so their sessions do not lock
 * for idleness as a real day's would if they walked away.
 */
export async function passTime(t: CounterCore, ms: number, tokens: readonly string[]): Promise<void> {
  const step = 10 * 60_000;
  for (let left = ms; left > 0; left -= step) {
    t.clock.advance(Math.min(step, left));
    for (const token of tokens) await t.core.invoke('session.current', {}, token);
  }
}
