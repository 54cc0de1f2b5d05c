/**
 * The intake picker (`procedure.list`): every procedure version in force today on the office
 * calendar, with what the form needs to render and the clerk needs to tick.
 */
import type { ProcedureListItem } from '../../../shared/api/dossiers';
import { procedureKey } from '../../../shared/procedures/catalogue';
import { listProcedures } from '../catalogue/procedures';
import type { DossierDeps } from '../dossiers/deps';
import { officeNow } from '../dossiers/office-time';

/** The procedures in force today (office calendar), for the picker and the form. */
export function listProceduresInForceToday(deps: DossierDeps): { day: string; items: ProcedureListItem[] } {
  const { day } = officeNow(deps.clock);
  const items = deps.store.read((db) => listProcedures(db, day)).map(
    (p): ProcedureListItem => ({
      code: p.code,
      version: p.version,
      key: procedureKey(p),
      name: p.name,
      sector: p.sector,
      processingTime: p.processingTime,
      fee: p.fee,
      documents: p.documents,
      form: p.form,
    }),
  );
  return { day, items };
}
