/**
 * One page of a commune's feed after `cursor`: the latest state of each changed row, in version
 * order. Only the commune in the device's token is ever read. A cursor this commune's feed never
 * reached is one this hub did not issue (a restored hub, another hub): resync from zero.
 */
import { accountItem, adminUnitItem, type PullItem, type PullResponse } from '../sync/protocol/messages';
import { num, type HubDb } from './db/db';

/** Reads the page; `limit` is already bounded by the protocol. */
export async function readPull(db: HubDb, communeId: string, cursor: number | undefined, limit: number): Promise<PullResponse> {
  const after = cursor ?? 0;
  const [commune] = await db.query('SELECT feed_version FROM communes WHERE id = $1', [communeId]);
  if (commune === undefined || after > num(commune.feed_version)) {
    return {
      kind: 'resync-required',
      message: { vi: 'Máy chủ yêu cầu đồng bộ lại từ đầu; dữ liệu trên máy vẫn được giữ nguyên.', en: 'The hub asks for a full resync; data on this PC is kept.' },
    };
  }
  const rows = await db.query(
    `SELECT c.version, c.entity, c.entity_key,
            d.status, d.row_version, d.snapshot,
            h.year, h.overlay,
            p.code, p.version AS procedure_version, p.effective_from, p.name, p.definition,
            u.code AS unit_code, u.name AS unit_name, u.level AS unit_level, u.parent_code AS unit_parent,
            a.id AS account_id, a.username, a.display_name, a.role, a.password_hash, a.active, a.must_change_password
       FROM changes c
       LEFT JOIN dossiers d ON c.entity = 'dossier' AND d.id = c.entity_key AND d.commune_id = c.commune_id
       LEFT JOIN holidays h ON c.entity = 'holidays' AND h.year::text = c.entity_key
       LEFT JOIN procedures p ON c.entity = 'procedure' AND p.code || '@' || p.version::text = c.entity_key
       LEFT JOIN admin_units u ON c.entity = 'admin-unit' AND u.code = c.entity_key
       LEFT JOIN accounts a ON c.entity = 'account' AND a.id = c.entity_key AND a.commune_id = c.commune_id
      WHERE c.commune_id = $1 AND c.version > $2
      ORDER BY c.version
      LIMIT $3`,
    [communeId, after, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const items: PullItem[] = page.map((r) => {
    const version = num(r.version);
    if (r.entity === 'dossier') {
      return { type: 'dossier', version, id: String(r.entity_key), status: String(r.status), rowVersion: num(r.row_version), snapshot: jsonObject(r.snapshot) };
    }
    if (r.entity === 'holidays') return { type: 'holidays', version, year: num(r.year), overlay: json(r.overlay) };
    if (r.entity === 'admin-unit') {
      return { type: 'admin-unit', version, code: String(r.unit_code), name: String(r.unit_name), level: adminUnitItem.shape.level.parse(r.unit_level), parentCode: typeof r.unit_parent === 'string' ? r.unit_parent : null };
    }
    if (r.entity === 'account') {
      return {
        type: 'account',
        version,
        id: String(r.account_id),
        username: String(r.username),
        displayName: String(r.display_name),
        role: accountItem.shape.role.parse(r.role),
        passwordHash: String(r.password_hash),
        active: r.active === true,
        mustChangePassword: r.must_change_password === true,
      };
    }
    return {
      type: 'procedure',
      version,
      code: String(r.code),
      procedureVersion: num(r.procedure_version),
      effectiveFrom: String(r.effective_from),
      name: String(r.name),
      definition: json(r.definition),
    };
  });
  const last = page.at(-1);
  return { kind: 'page', items, cursor: last === undefined ? after : num(last.version), hasMore };
}

// JSONB arrives parsed from both drivers; a string would mean a double-encoded value.
const json = (value: unknown): unknown => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
export const jsonObject = (value: unknown): Record<string, unknown> => json(value) as Record<string, unknown>;
