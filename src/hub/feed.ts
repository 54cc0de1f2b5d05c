/**
 * The per-commune change feed. `bumpFeed` takes the commune row's lock (UPDATE … RETURNING), so
 * versions are handed out in commit order per commune: a reader at version v has seen every
 * change ≤ v (sync.md §4.4 step 4). A changed entity moves to the new version (row state).
 */
import { num, type Queryable } from './db/db';

/** An entity kind the feed carries. */
export type FeedEntity = 'dossier' | 'holidays' | 'procedure' | 'admin-unit' | 'account';

/** Records that `entity`/`key` changed for `communeId`; returns the feed version it took. */
export async function bumpFeed(tx: Queryable, communeId: string, entity: FeedEntity, key: string): Promise<number> {
  // One statement (a round trip less per change): the UPDATE's row lock is held to commit.
  const rows = await tx.query(
    `WITH v AS (UPDATE communes SET feed_version = feed_version + 1 WHERE id = $1 RETURNING feed_version)
     INSERT INTO changes (commune_id, version, entity, entity_key) SELECT $1, feed_version, $2, $3 FROM v
     ON CONFLICT (commune_id, entity, entity_key) DO UPDATE SET version = excluded.version
     RETURNING version`,
    [communeId, entity, key],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`commune ${communeId} missing`);
  return num(row.version);
}

/** Records a catalogue change (holidays, procedures) in every commune's feed. */
export async function bumpAllFeeds(tx: Queryable, entity: FeedEntity, key: string): Promise<void> {
  const communes = await tx.query<{ id: string }>('SELECT id FROM communes ORDER BY id');
  for (const c of communes) await bumpFeed(tx, c.id, entity, key);
}
