/** The hub's own request bodies (admin and portal); device messages are in src/sync/protocol. */
import { z } from 'zod';
import { roles } from '../shared/dossier/roles';

/** POST /v1/admin/communes */
export const createCommune = z.object({ id: z.string().regex(/^[0-9A-Za-z.]{3,40}$/), name: z.string().min(1).max(200) });
/** POST /v1/admin/communes/:id/enrol-codes → {code, expiresAt} */
export const createEnrolCode = z.object({ ttlHours: z.number().positive().max(72).default(24) });
/** PUT /v1/admin/holidays/:year */
export const publishHolidays = z.object({ overlay: z.unknown() });
/** POST /v1/admin/procedures */
export const publishProcedure = z.object({
  code: z.string().min(1),
  version: z.number().int().positive(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string().min(1),
  definition: z.unknown(),
});
/** PUT /v1/admin/admin-units: units to create or replace (parents first or in the same list). */
export const publishAdminUnits = z.object({
  units: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2,5}$/),
        name: z.string().min(1).max(200),
        level: z.enum(['province', 'district', 'commune']),
        parentCode: z.string().regex(/^\d{2,5}$/).nullable(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AdminUnitInput = z.infer<typeof publishAdminUnits>['units'][number];
/**
 * PUT /v1/admin/communes/:id/accounts/:accountId : a staff account of the commune. The city's
 * account tool hashes the password in the PC's format (scrypt$N$r$p$salt$hash); the hub never
 * sees a password.
 */
export const putAccount = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{3,40}$/),
  displayName: z.string().min(1).max(120),
  role: z.enum(roles),
  passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/),
  active: z.boolean().default(true),
});
export type AccountInput = z.infer<typeof putAccount>;
/** POST /v1/portal/dossiers: what the citizen portal sends for an online application. */
export const portalDossier = z.object({
  id: z.string().min(1),
  communeId: z.string(),
  procedureCode: z.string().min(1),
  procedureVersion: z.number().int().positive(),
  applicantName: z.string().min(1).max(200),
  applicantIdNumber: z.string().regex(/^\d{12}$/).nullable(),
  applicantPhone: z.string().regex(/^0\d{9}$/).nullable(),
  form: z.record(z.string(), z.unknown()).default({}),
  submittedAt: z.iso.datetime(),
});
export type PortalDossier = z.infer<typeof portalDossier>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));
/** GET /v1/admin/conflicts?commune=&all=true&limit= : open conflicts unless `all`. */
export const conflictsQuery = z.object({
  commune: z.string().optional(),
  all: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
/** GET /v1/admin/stats?from=&to= : Vietnam days, inclusive, at most about a year. */
export const statsQuery = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: 'period' });
