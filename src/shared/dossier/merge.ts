/**
 * Field-by-field merge of dossier snapshots (sync.md §4.6), the same rules on the PC (rebasing
 * local edits on a pulled dossier) and on the hub (applying a PC's edit to its current row). For
 * each field: changed on one side only, that side's value; changed on both sides to different
 * values, a conflict with all three values recorded — the hub's value is kept provisionally and a
 * person decides. No clock takes part. Status is not merged here: the state machine decides it.
 */

/** The fields that merge one by one: what a use case may change after creation, status aside. */
export const mergeFields = [
  'code',
  'procedureVersion',
  'applicantName',
  'applicantIdNumber',
  'applicantPhone',
  'form',
  'receivedAt',
  'receivedBy',
  'dueAt',
  'clockStops',
  'resolvedAt',
  'returnedAt',
  'resultNumber',
  'registerBook',
  'registerPage',
  'assigneeId',
] as const;
export type MergeField = (typeof mergeFields)[number];

/** A field changed on both sides. */
export interface FieldConflict {
  readonly field: MergeField;
  readonly base: unknown;
  readonly local: unknown;
  readonly hub: unknown;
}

type Snapshot = Readonly<Record<string, unknown>>;

/** JSON with sorted keys: equal values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** True when two field values are the same (absent and null are the same). */
export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The previous values of the fields `next` changed relative to `prev`: a push's merge base. */
export function changedFrom(prev: Snapshot, next: Snapshot): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const f of mergeFields) if (!sameValue(prev[f], next[f])) base[f] = prev[f] ?? null;
  return base;
}

/**
 * Applies the fields a PC changed (`base` holds their values before its edit, `incoming` after)
 * to the hub's `current` row. Fields the PC did not change keep the hub's value.
 */
export function applyFieldChanges(current: Snapshot, base: Snapshot, incoming: Snapshot): { merged: Record<string, unknown>; applied: MergeField[]; conflicts: FieldConflict[] } {
  const merged: Record<string, unknown> = { ...current };
  const applied: MergeField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const f of mergeFields) {
    if (!(f in base)) continue;
    const to = incoming[f] ?? null;
    if (sameValue(current[f], to)) continue;
    if (sameValue(current[f], base[f])) {
      merged[f] = to;
      applied.push(f);
    } else {
      conflicts.push({ field: f, base: base[f] ?? null, local: to, hub: current[f] ?? null });
    }
  }
  return { merged, applied, conflicts };
}

/**
 * Three-way merge on the PC: `base` is the hub's state the local edits started from, `local` the
 * PC's row, `hub` the pulled row. Starts from the hub's row and keeps each local-only change.
 */
export function mergeSnapshots(base: Snapshot, local: Snapshot, hub: Snapshot): { merged: Record<string, unknown>; conflicts: FieldConflict[] } {
  const { merged, conflicts } = applyFieldChanges(hub, changedFrom(base, local), local);
  return { merged, conflicts };
}

/** True for a field name that merges one by one. */
export const isMergeField = (name: string): name is MergeField => (mergeFields as readonly string[]).includes(name);
