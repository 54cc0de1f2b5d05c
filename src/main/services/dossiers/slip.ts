/**
 * The data of a printed slip (receipt, supplement request, apology …): what the documents layer
 * needs to fill the official form, taken from the dossier as just saved, so the paper in the
 * citizen's hand says exactly what the database holds.
 */
import type { SlipToPrint } from '../../../shared/api/dossiers';
import { formatVietnameseDateTime } from '../../../shared/deadline';
import { slips, type SlipKind } from '../../../shared/dossier/states';
import type { Procedure } from '../../../shared/procedures/procedure';
import type { StoredDossier } from '../../store/repos/dossiers';
import { isoToLocal } from './office-time';

/** What a slip is built from. */
export interface SlipInput {
  readonly kind: SlipKind;
  readonly dossier: StoredDossier;
  readonly procedure: Procedure;
  readonly officer: string;
  readonly issuedAt: string;
  /** Keys of the papers the slip lists (the receipt: those received). */
  readonly documentKeys: readonly string[];
  readonly reason?: string | null;
  readonly previousDueAt?: string | null;
}

/** The slip of `kind` for the dossier as saved. */
export function buildSlip(input: SlipInput): SlipToPrint {
  const { kind, dossier, procedure } = input;
  const names = new Map(procedure.documents.map((d) => [d.key, d.name.vi]));
  return {
    kind,
    title: slips[kind].label,
    dossierId: dossier.id,
    dossierCode: dossier.code,
    procedureName: procedure.name.vi,
    applicantName: dossier.applicantName,
    officer: input.officer,
    issuedAt: input.issuedAt,
    dueAt: dossier.dueAt,
    dueText: dossier.dueAt === null ? null : formatVietnameseDateTime(isoToLocal(dossier.dueAt)),
    previousDueAt: input.previousDueAt ?? null,
    reason: input.reason ?? null,
    documents: input.documentKeys.map((key) => ({ key, name: names.get(key) ?? key })),
  };
}
