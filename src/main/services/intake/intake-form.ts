/**
 * The checks a dossier passes before it is received, all from src/shared so the screen and the
 * core agree: the applicant's name, personal ID (with the year from the core's clock) and phone;
 * the declaration against its procedure version (`validateDossierForm`, then the ID and phone
 * parsers on fields of those types); and the ticked papers against the required ones. What is
 * stored is the tidied form (NFC, trimmed: what the papers say), IDs as 12 digits, phones in
 * national form. Values of fields this version does not have are dropped: a draft started under
 * an older version may carry them, and the receipt is issued under the version in force.
 */
import { AppError, validationError } from '../../../shared/api/errors';
import { parsePersonalId } from '../../../shared/identity/personal-id';
import { parsePhoneNumber } from '../../../shared/identity/phone';
import type { Procedure } from '../../../shared/procedures/procedure';
import { validateDossierForm } from '../../../shared/procedures/validate-form';
import { tidyVietnamese } from '../../../shared/text/vietnamese';
import { issue } from '../../../shared/validation';

/** What the clerk entered, as the contract parsed it. */
export interface IntakeForm {
  readonly applicant: { readonly name?: string | undefined; readonly idNumber?: string | undefined; readonly phone?: string | undefined };
  readonly values: Readonly<Record<string, string | number | null>>;
  readonly documents: readonly string[];
}

/** The form after every check, ready to store. */
export interface CheckedIntake {
  readonly applicantName: string;
  readonly applicantIdNumber: string | null;
  readonly applicantPhone: string | null;
  readonly values: Record<string, string | number>;
  /** Ticked papers, in the procedure's order. */
  readonly documentKeys: string[];
}

/** As long as the requester's name on the declarations. */
const MAX_NAME_LENGTH = 100;

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Checks and tidies the form; throws an AppError naming the first problem, in Vietnamese. */
export function checkIntake(procedure: Procedure, form: IntakeForm, currentYear: number): CheckedIntake {
  return { ...checkApplicant(form.applicant, currentYear), values: checkValues(procedure, form.values, currentYear), documentKeys: checkDocuments(procedure, form.documents) };
}

function checkApplicant(applicant: IntakeForm['applicant'], currentYear: number): Pick<CheckedIntake, 'applicantName' | 'applicantIdNumber' | 'applicantPhone'> {
  const name = tidyVietnamese(applicant.name ?? '');
  if (name === '') {
    throw validationError(issue('applicant.name-required', 'Chưa nhập họ tên người nộp hồ sơ.', 'The applicant’s name is missing.', 'applicant.name'));
  }
  if ([...name].length > MAX_NAME_LENGTH) {
    throw validationError(
      issue('applicant.name-too-long', `Họ tên người nộp hồ sơ dài quá ${MAX_NAME_LENGTH} ký tự.`, `The applicant’s name is longer than ${MAX_NAME_LENGTH} characters.`, 'applicant.name'),
    );
  }
  let idNumber: string | null = null;
  if (!blank(applicant.idNumber)) {
    const parsed = parsePersonalId(applicant.idNumber ?? '', { currentYear, field: 'applicant.idNumber' });
    if (!parsed.ok) throw validationError(parsed.error);
    idNumber = parsed.id;
  }
  let phone: string | null = null;
  if (!blank(applicant.phone)) {
    const parsed = parsePhoneNumber(applicant.phone ?? '', { field: 'applicant.phone' });
    if (!parsed.ok) throw validationError(parsed.error);
    phone = parsed.value.number;
  }
  return { applicantName: name, applicantIdNumber: idNumber, applicantPhone: phone };
}

function checkValues(procedure: Procedure, raw: IntakeForm['values'], currentYear: number): Record<string, string | number> {
  const fields = new Map(procedure.form.fields.map((f) => [f.key, f]));
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!fields.has(key) || value === null) continue;
    if (typeof value === 'number') values[key] = value;
    else if (tidyVietnamese(value) !== '') values[key] = tidyVietnamese(value);
  }
  const first = validateDossierForm(procedure, values)[0];
  if (first !== undefined) throw validationError(first);
  for (const [key, value] of Object.entries(values)) {
    const field = fields.get(key);
    if (field?.type === 'number' && typeof value === 'string') values[key] = Number(value);
    if (typeof value !== 'string') continue;
    if (field?.type === 'personal-id') {
      const parsed = parsePersonalId(value, { currentYear, field: key });
      if (!parsed.ok) throw validationError(parsed.error);
      values[key] = parsed.id;
    } else if (field?.type === 'phone') {
      const parsed = parsePhoneNumber(value, { field: key });
      if (!parsed.ok) throw validationError(parsed.error);
      values[key] = parsed.value.number;
    }
  }
  return values;
}

function checkDocuments(procedure: Procedure, keys: readonly string[]): string[] {
  const ticked = new Set(keys);
  const unknown = keys.find((key) => !procedure.documents.some((d) => d.key === key));
  if (unknown !== undefined) throw new AppError('intake.unknown-document', { key: unknown });
  const missing = procedure.documents.filter((d) => d.presence.kind === 'required' && !ticked.has(d.key));
  if (missing.length > 0) {
    throw new AppError('intake.missing-documents', { documents: missing.map((d) => d.name.vi).join('; '), documentsEn: missing.map((d) => d.name.en).join('; ') });
  }
  return procedure.documents.filter((d) => ticked.has(d.key)).map((d) => d.key);
}
