import { z } from 'zod';

/** The commune this PC serves (UBND xã/phường), as provisioned or from the demo data. */
export const Commune = z.object({
  /** Electronic agency code used in dossier codes, e.g. "000.00.00.X99". */
  agencyCode: z.string(),
  name: z.string(),
  province: z.string(),
  /** True while running on the embedded demo commune: screens show a banner. */
  demo: z.boolean(),
});
export type Commune = z.infer<typeof Commune>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the database, scans, backups and logs live on this PC. */
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  commune: Commune,
  counts: z.object({
    dossiers: z.number().int().nonnegative(),
  }),
  /** The commune's own data, or the training sandbox (every screen and slip is marked). */
  mode: z.enum(['production', 'training']),
  /** Which shell serves the renderer: the Electron app, the loopback browser host, or the CLI. */
  host: z.enum(['electron', 'browser-host', 'cli']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const HealthCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});

export const HealthReport = z.object({
  ok: z.boolean(),
  checks: z.array(HealthCheck),
  /** ISO timestamp of when the checks ran, from the core's clock. */
  checkedAt: z.string(),
});
export type HealthReport = z.infer<typeof HealthReport>;
