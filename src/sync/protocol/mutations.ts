/**
 * The payloads of the mutation kinds the hub applies, as the PC's outbox writes them
 * (`services/dossiers/record-event.ts`): the history event and the dossier as it stands after it.
 * Loose objects: the snapshot carries every dossier column and the hub stores it whole.
 */
import { z } from 'zod';
import { roles } from '../../shared/dossier/roles';

/** Kinds the hub knows; any other is rejected permanently, never retried. */
export const mutationKinds = ['dossier.received', 'dossier.transitioned', 'dossier.viewed', 'dossier.edited', 'account.upserted'] as const;

/** One history event. */
export const eventPayload = z.looseObject({
  id: z.string().min(1),
  dossierId: z.string().min(1),
  at: z.string(),
  action: z.string().min(1),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
});

/** The dossier snapshot after the event. */
export const dossierSnapshot = z.looseObject({ id: z.string().min(1), status: z.string().min(1), rowVersion: z.number().int().positive() });

/**
 * `dossier.received`, `dossier.transitioned` and `dossier.edited` (fields only, no status change).
 * `base`, added by the PC at push time, holds the previous value of each field the change touched
 * (sync.md §4.6): the hub applies a field only where it still holds that value.
 */
export const dossierChangePayload = z.object({ event: eventPayload, dossier: dossierSnapshot, base: z.record(z.string(), z.unknown()).optional() });
/** `dossier.viewed`: who read what, no dossier data. */
export const dossierViewedPayload = z.object({ event: eventPayload });

/**
 * `account.upserted` (issue 12): an administrator on a PC created an account or changed one
 * (role, active flag, password, a reset). The hub stores it for the token's commune and puts it
 * in that commune's feed, so every PC of the commune has it at its next pull. Password hashes
 * only, never a password.
 */
export const accountUpsertPayload = z.object({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  role: z.enum(roles),
  passwordHash: z.string().min(1).max(300),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type AccountUpsertPayload = z.infer<typeof accountUpsertPayload>;
