import type { ReadDb } from '../db';

export function countDossiers(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
}
