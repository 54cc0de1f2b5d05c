/** The hub's own request bodies (admin and portal); device messages are in src/sync/protocol. */
import { z } from 'zod';
import { isValidAgencyCode } from '../shared/dossier/code';
import { roles } from '../shared/dossier/roles';

/**
 * POST /v1/admin/communes. `agencyCode` (the receiving unit's e-ID, as printed in dossier codes)
 * and `province` are needed before a provisioning package can be issued; for a commune that
 * exists already they fill in what it lacks and never change what it has.
 */
export const createCommune = z.object({
  id: z.string().regex(/^[0-9A-Za-z.]{3,40}$/),
  name: z.string().min(1).max(200),
  agencyCode: z.string().refine(isValidAgencyCode, { message: 'agency code shaped like 000.00.01.H26' }).optional(),
  province: z.string().trim().min(1).max(200).optional(),
});
/**
 * POST /v1/admin/communes/:id/provision-packages: a package for a new PC (`slot`, or the lowest
 * free counter slot) or for a PC replacing the one of `replaceSlot`; never both.
 */
export const provisionPackage = z
  .object({
    /** The address the PCs will use (https, or http to loopback only). */
    hubUrl: z.string().min(8).max(300),
    slot: z.number().int().min(0).max(9).optional(),
    replaceSlot: z.number().int().min(0).max(9).optional(),
    /** How long the package (and its enrolment code) can be used; a week by default, at most a month. */
    ttlHours: z.number().positive().max(31 * 24).default(168),
    firstAdmin: z
      .object({
        username: z.string().regex(/^[A-Za-z0-9._-]{3,40}$/).default('quantri'),
        displayName: z.string().trim().min(1).max(120).default('Quản trị xã'),
      })
      .default({ username: 'quantri', displayName: 'Quản trị xã' }),
  })
  .refine((b) => b.slot === undefined || b.replaceSlot === undefined, { message: 'slot and replaceSlot exclude each other' });
export type ProvisionPackageInput = z.infer<typeof provisionPackage>;
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
  /** The person must choose a new password at the next sign-in; absent keeps what the hub holds (false for a new account). */
  mustChangePassword: z.boolean().optional(),
});
export type AccountInput = z.infer<typeof putAccount>;
/**
 * PATCH /v1/admin/communes/:id/accounts/:accountId : change some of an account. `resetPassword`
 * gives it a random temporary password (answered once, stored only as a hash) that must be
 * replaced at the next sign-in.
 */
export const patchAccount = z
  .object({
    active: z.boolean().optional(),
    role: z.enum(roles).optional(),
    displayName: z.string().trim().min(1).max(120).optional(),
    resetPassword: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.active !== undefined || b.role !== undefined || b.displayName !== undefined || b.resetPassword === true, { message: 'nothing to change' });
export type AccountPatch = z.infer<typeof patchAccount>;
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
