/**
 * The provisioning package as applied on this PC (issue 12), kept in sync_state beside the
 * enrolment: which hub to trust (its public key), the one-time enrolment code until the hub has
 * taken it, the PC's key pair once made (so a retry after a lost answer offers the same key), and
 * where enrolment stands. The enrolment code is dropped once enrolled.
 */
import { z } from 'zod';
import type { ReadDb, WriteDb } from '../db';
import { getSyncState, putSyncState } from './sync-state';

const KEY = 'provision';

const message = z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) });

const provisionSchema = z.object({
  packageId: z.string(),
  kind: z.enum(['new', 'replacement']),
  hubUrl: z.string(),
  hubPublicKey: z.string(),
  communeId: z.string(),
  slot: z.number().int(),
  appliedAt: z.string(),
  firstAdminId: z.string(),
  state: z.enum(['pending', 'enrolled', 'refused']),
  enrolCode: z.string().nullable(),
  /** The PC's key pair, made before the first attempt (private key PKCS#8 PEM, public SPKI base64). */
  keys: z.object({ publicKey: z.string(), privateKey: z.string() }).nullable(),
  lastError: message.nullable(),
});
export type SyncProvision = z.infer<typeof provisionSchema>;

export function getSyncProvision(db: ReadDb): SyncProvision | undefined {
  const parsed = provisionSchema.safeParse(getSyncState(db, KEY));
  return parsed.success ? parsed.data : undefined;
}

export function putSyncProvision(db: WriteDb, provision: SyncProvision, now: string): void {
  putSyncState(db, KEY, provisionSchema.parse(provision), now);
}
