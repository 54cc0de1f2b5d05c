import { z } from 'zod';
import { formatIsoDate, type CivilDate } from '../calendar/civil-date';
import { issue, type Validated } from '../validation';
import { procedureGroupSchema, procedureSchema, type Procedure, type ProcedureGroup } from './procedure';
import { describeSchemaFailure } from './schema-messages';

/*
 * The catalogue the hub publishes (DESIGN §6: the hub is authoritative for catalogues): every
 * version of every procedure and liên thông group, so a PC can still show the version an open
 * dossier was received under. A catalogue is accepted whole or not at all.
 */

/** Catalogue format understood by this version of the app. */
export const CATALOGUE_FORMAT = 1;

/** The whole catalogue. */
export const catalogueSchema = z
  .object({
    format: z.literal(CATALOGUE_FORMAT),
    procedures: z.array(procedureSchema),
    groups: z.array(procedureGroupSchema).default([]),
  })
  .superRefine((c, ctx) => {
    checkVersions(c.procedures.map((p) => ({ id: p.code, version: p.version, effectiveFrom: p.effectiveFrom })), 'procedures', ctx);
    checkVersions(c.groups.map((g) => ({ id: g.id, version: g.version, effectiveFrom: g.effectiveFrom })), 'groups', ctx);
    const groupIds = new Set(c.groups.map((g) => g.id));
    const codes = new Set(c.procedures.map((p) => p.code));
    c.procedures.forEach((p, i) =>
      p.linkedGroups.forEach((id, j) => {
        if (!groupIds.has(id)) ctx.addIssue({ code: 'custom', message: 'unknown-group', params: { key: id }, path: ['procedures', i, 'linkedGroups', j] });
      }),
    );
    c.groups.forEach((g, i) =>
      g.members.forEach((m, j) => {
        // The commune's own members must be procedures a clerk can open here.
        if (m.agency === 'commune' && (m.code === undefined || !codes.has(m.code))) {
          ctx.addIssue({ code: 'custom', message: 'unknown-procedure', params: { key: m.code ?? m.key }, path: ['groups', i, 'members', j, 'code'] });
        }
      }),
    );
  });

function checkVersions(items: readonly { id: string; version: number; effectiveFrom: string }[], list: string, ctx: z.RefinementCtx): void {
  const keys = new Set<string>();
  const starts = new Set<string>();
  items.forEach((item, i) => {
    const key = versionKey(item.id, item.version);
    if (keys.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate-version', params: { key }, path: [list, i, 'version'] });
    keys.add(key);
    // Two versions starting the same day would make "the version in force" ambiguous.
    const start = `${item.id} ${item.effectiveFrom}`;
    if (starts.has(start)) ctx.addIssue({ code: 'custom', message: 'duplicate-effective-from', params: { code: item.id, date: item.effectiveFrom }, path: [list, i, 'effectiveFrom'] });
    starts.add(start);
  });
}

/** A parsed catalogue. */
export type Catalogue = z.infer<typeof catalogueSchema>;
/** A catalogue as written by the hub or the seed. */
export type CatalogueInput = z.input<typeof catalogueSchema>;

/**
 * Checks a catalogue received from the hub. On failure the message counts the problems and
 * names the first few by path and procedure ("(1.001193@2) procedures[0].processingTime.days").
 */
export function parseCatalogue(input: unknown): Validated<Catalogue> {
  const parsed = catalogueSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = describeSchemaFailure(catalogueSchema, input, (path) => nameItem(input, path)) ?? { vi: '', en: '' };
  return {
    ok: false,
    error: issue('catalogue.invalid', `Danh mục thủ tục không hợp lệ, ${detail.vi}`, `The procedure catalogue is not valid, ${detail.en}`),
  };
}

/** Checks one stored procedure version (the store keeps each as JSON), with the same messages. */
export function parseProcedure(input: unknown): Validated<Procedure> {
  const parsed = procedureSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const item = nameItem({ procedures: [input] }, ['procedures', 0]);
  const detail = describeSchemaFailure(procedureSchema, input, () => undefined) ?? { vi: '', en: '' };
  const what = item === undefined ? { vi: 'Thủ tục', en: 'The procedure' } : { vi: `Thủ tục ${item}`, en: `Procedure ${item}` };
  return { ok: false, error: issue('procedure.invalid', `${what.vi} không hợp lệ, ${detail.vi}`, `${what.en} is not valid, ${detail.en}`) };
}

/** `parseCatalogue` for the text of a hub reply or a file. */
export function parseCatalogueJson(text: string): Validated<Catalogue> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: issue('catalogue.not-json', `Danh mục thủ tục không đọc được (không phải JSON hợp lệ: ${reason}).`, `The procedure catalogue is not valid JSON (${reason}).`),
    };
  }
  return parseCatalogue(input);
}

function nameItem(input: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if ((list !== 'procedures' && list !== 'groups') || typeof index !== 'number' || typeof input !== 'object' || input === null) return undefined;
  const items: unknown = (input as Record<string, unknown>)[list];
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const { code, id, version } = item as Record<string, unknown>;
  const name = list === 'procedures' ? code : id;
  return typeof name === 'string' ? versionKey(name, version) : undefined;
}

/** "1.001193@2": the key a dossier stores to pin the version it was received under. */
export function procedureKey(procedure: Pick<Procedure, 'code' | 'version'>): string {
  return versionKey(procedure.code, procedure.version);
}

const versionKey = (id: string, version: unknown): string => `${id}@${String(version)}`;

/** Splits "1.001193@2"; `undefined` unless the code and a positive integer version are there. */
export function parseProcedureKey(key: string): { code: string; version: number } | undefined {
  const m = /^(\d\.\d{6})@([1-9]\d{0,8})$/u.exec(key);
  return m?.[1] === undefined || m[2] === undefined ? undefined : { code: m[1], version: Number(m[2]) };
}

/** What `pickVersion` needs of a procedure or a group. */
export interface Versioned {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly effectiveUntil?: string | undefined;
}

/**
 * The version in force on `date`: the latest `effectiveFrom` on or before it, unless that version
 * has ended. `undefined` before the first version and after the last one ends.
 */
export function pickVersion<T extends Versioned>(versions: readonly T[], date: CivilDate): T | undefined {
  const day = formatIsoDate(date);
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    if (best === undefined || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best?.effectiveUntil !== undefined && best.effectiveUntil <= day ? undefined : best;
}

/** The version of procedure `code` in force on `date` (for a new dossier). */
export function procedureInForce(catalogue: Catalogue, code: string, date: CivilDate): Procedure | undefined {
  return pickVersion(
    catalogue.procedures.filter((p) => p.code === code),
    date,
  );
}

/** The exact version a dossier was received under, by its `code@version` key. */
export function procedureByKey(catalogue: Catalogue, key: string): Procedure | undefined {
  const parsed = parseProcedureKey(key);
  return parsed === undefined ? undefined : catalogue.procedures.find((p) => p.code === parsed.code && p.version === parsed.version);
}

/** Every procedure in force on `date`, one version per code, in catalogue order. */
export function proceduresInForce(catalogue: Catalogue, date: CivilDate): Procedure[] {
  const codes = [...new Set(catalogue.procedures.map((p) => p.code))];
  return codes.flatMap((code) => procedureInForce(catalogue, code, date) ?? []);
}

/** The version of liên thông group `id` in force on `date`. */
export function groupInForce(catalogue: Catalogue, id: string, date: CivilDate): ProcedureGroup | undefined {
  return pickVersion(
    catalogue.groups.filter((g) => g.id === id),
    date,
  );
}
