import { join } from 'node:path';
import { openStore, type Store } from '../../src/main/store/db';
import type { NewDossier } from '../../src/main/store/repos/dossiers';
import { uuidv7 } from '../../src/shared/id/uuidv7';

/** 23/11/2026 08:00 in Hà Nội (UTC+7), the fixed "now" of store tests. */
export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);

/** ISO UTC text `minutes` after T0, as the store wants times. */
export const at = (minutes = 0): string => new Date(T0 + minutes * 60_000).toISOString();

/** A fresh store on a real file in `dir`. */
export function openTestStore(dir: string, options: Parameters<typeof openStore>[1] = {}): Store {
  return openStore(join(dir, 'motcua.sqlite'), options);
}

let counter = 0;

/**
 * A received counter dossier of an invented citizen; override any field. Ids advance with a
 * counter so that tests get distinct, time-ordered ids without reading the clock.
 */
export function newDossier(overrides: Partial<NewDossier> = {}): NewDossier {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  return {
    id: uuidv7(T0 + counter),
    code: `000.00.00.X99-261123-${n}`,
    procedureCode: '1.001193',
    procedureVersion: 1,
    status: 'received',
    channel: 'counter',
    applicantName: 'Nguyễn Văn An',
    applicantIdNumber: `001200${n}99`,
    applicantPhone: `090000${n}`,
    form: { child: { name: 'Nguyễn Văn Bình' } },
    receivedAt: at(0),
    receivedBy: 'clerk-1',
    dueAt: at(60 * 24 * 3),
    createdAt: at(0),
    ...overrides,
  };
}
