/**
 * The hub's record of conflicts (sync.md §4.6) as the city's staff read it: every field or
 * transition a PC sent that met a different change already on the hub, with the value the PC
 * started from, the hub's (kept) and the PC's, newest first.
 */
import type { Queryable } from './db/db';

/** One recorded conflict. */
export interface HubConflict {
  readonly id: string;
  readonly communeId: string;
  readonly dossierId: string;
  readonly deviceId: string | null;
  readonly kind: 'field' | 'transition';
  readonly field: string | null;
  readonly baseValue: unknown;
  readonly hubValue: unknown;
  readonly deviceValue: unknown;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Conflicts of one commune (or all), open ones only unless `all`; at most `limit`. */
export async function listHubConflicts(db: Queryable, q: { communeId?: string; all: boolean; limit: number }): Promise<HubConflict[]> {
  const rows = await db.query(
    `SELECT id, commune_id, dossier_id, device_id, kind, field, base_value, hub_value, device_value, created_at, resolved_at
       FROM conflicts
      WHERE ($1::text IS NULL OR commune_id = $1) AND ($2::boolean OR resolved_at IS NULL)
      ORDER BY created_at DESC, id
      LIMIT $3`,
    [q.communeId ?? null, q.all, q.limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    communeId: String(r.commune_id),
    dossierId: String(r.dossier_id),
    deviceId: typeof r.device_id === 'string' ? r.device_id : null,
    kind: r.kind === 'transition' ? 'transition' : 'field',
    field: typeof r.field === 'string' ? r.field : null,
    // JSONB arrives parsed from both drivers (a string here is a JSON string value).
    baseValue: r.base_value ?? null,
    hubValue: r.hub_value ?? null,
    deviceValue: r.device_value ?? null,
    createdAt: iso(r.created_at) ?? '',
    resolvedAt: iso(r.resolved_at),
  }));
}
