/** The intake screen's pure logic: procedure search, field checks and the live appointment. */
import type { ProcedureListItem } from '../../../shared/api/dossiers';
import { HolidayCalendar } from '../../../shared/calendar/holidays';
import { computeDue } from '../../../shared/deadline';
import { parsePersonalId } from '../../../shared/identity/personal-id';
import { parsePhoneNumber } from '../../../shared/identity/phone';
import { validateDossierForm } from '../../../shared/procedures/validate-form';
import { foldVietnamese } from '../../../shared/text/vietnamese';
import type { LocalizedText } from '../../../shared/validation';

export type Values = Record<string, string>;

/** Every word typed must appear in the folded name or code. */
export function matchProcedures(items: readonly ProcedureListItem[], typed: string): ProcedureListItem[] {
  const words = foldVietnamese(typed).split(/\s+/u).filter(Boolean);
  return items.filter((p) => {
    const hay = `${foldVietnamese(p.name.vi)} ${foldVietnamese(p.name.en)} ${p.code}`;
    return words.every((w) => hay.includes(w));
  });
}

const officeNow = (nowMs = Date.now()) => new Date(nowMs + 7 * 3600_000);

/** Field key → its message: the catalogue's checks, then the ID and phone parsers. */
export function checkFields(procedure: ProcedureListItem, values: Values): Map<string, LocalizedText> {
  const issues = new Map<string, LocalizedText>();
  for (const i of validateDossierForm(procedure, values)) if (i.field && !issues.has(i.field)) issues.set(i.field, i.message);
  const currentYear = officeNow().getUTCFullYear();
  for (const f of procedure.form.fields) {
    const v = values[f.key]?.trim();
    if (!v || issues.has(f.key)) continue;
    if (f.type === 'personal-id') {
      const r = parsePersonalId(v, { currentYear, field: f.key });
      if (!r.ok) issues.set(f.key, r.error.message);
    } else if (f.type === 'phone') {
      const r = parsePhoneNumber(v, { field: f.key });
      if (!r.ok) issues.set(f.key, r.error.message);
    }
  }
  return issues;
}

/** The applicant is the requester of the declaration. */
export function applicantOf(procedure: ProcedureListItem, values: Values): { name: string; idNumber?: string; phone?: string } {
  const byType = (type: string) => procedure.form.fields.find((f) => f.section === 'requester' && f.type === type)?.key;
  const get = (key: string | undefined) => (key ? values[key]?.trim() : undefined) || undefined;
  const idNumber = get(byType('personal-id'));
  const phone = get(byType('phone'));
  return { name: get(byType('name')) ?? '', ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) };
}

/**
 * The appointment if the dossier were received now, for the clerk to tell the citizen while
 * typing. An estimate only: the server's due moment printed on the receipt is authoritative
 * (it knows the hub's holiday overlays and its own clock). The screen recomputes it every
 * half minute, so crossing an afternoon cut-off while typing moves it.
 */
export function estimateDue(procedure: ProcedureListItem, nowMs = Date.now()): string | undefined {
  const now = officeNow(nowMs);
  try {
    const r = computeDue({
      receivedAt: { date: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() }, minutes: now.getUTCHours() * 60 + now.getUTCMinutes() },
      processing: procedure.processingTime,
      calendar: new HolidayCalendar(),
    });
    if (r.state !== 'running') return undefined;
    const { date, minutes } = r.due;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)} ${pad(date.day)}/${pad(date.month)}/${date.year}`;
  } catch {
    return undefined;
  }
}

export function initialValues(procedure: ProcedureListItem): Values {
  return Object.fromEntries(procedure.form.fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.key, f.defaultValue ?? '']));
}
