/**
 * The slim shape of a dossier in lists (queues, search results): what a row on screen shows,
 * without the form JSON. Shared by the queue queries and search so both render alike.
 */
import type { DossierChannel } from './dossiers';

export interface DossierSummary {
  readonly id: string;
  readonly code: string | null;
  readonly procedureCode: string;
  readonly status: string;
  readonly channel: DossierChannel;
  readonly applicantName: string;
  readonly applicantIdNumber: string | null;
  readonly applicantPhone: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly assigneeId: string | null;
  readonly rowVersion: number;
}

/** The columns a summary needs; `rid` orders pages and builds cursors. Constant SQL text. */
export const SUMMARY_COLUMNS = `dossiers.rid, dossiers.id, dossiers.code, dossiers.procedure_code, dossiers.status,
  dossiers.channel, dossiers.applicant_name, dossiers.applicant_id_number, dossiers.applicant_phone,
  dossiers.received_at, dossiers.due_at, dossiers.assignee_id, dossiers.row_version`;

export interface SummaryRow {
  readonly rid: number;
  readonly id: string;
  readonly code: string | null;
  readonly procedure_code: string;
  readonly status: string;
  readonly channel: DossierChannel;
  readonly applicant_name: string;
  readonly applicant_id_number: string | null;
  readonly applicant_phone: string | null;
  readonly received_at: string | null;
  readonly due_at: string | null;
  readonly assignee_id: string | null;
  readonly row_version: number;
}

export function fromSummaryRow(r: SummaryRow): DossierSummary {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    status: r.status,
    channel: r.channel,
    applicantName: r.applicant_name,
    applicantIdNumber: r.applicant_id_number,
    applicantPhone: r.applicant_phone,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    assigneeId: r.assignee_id,
    rowVersion: r.row_version,
  };
}
