/**
 * The provisioning package (`*.motcua`): one file the hub issues for one PC slot of one commune.
 * It is the PC's trust root: the hub key it names is the only key whose enrolment answer the PC
 * accepts. The file is JSON `{format, version, payload, signature}`; `payload` is the base64 of
 * the UTF-8 JSON below and `signature` the hub's Ed25519 signature over those exact bytes, so a
 * reader never has to canonicalise JSON to check it. Signing and checking need node:crypto and
 * live with the hub and the PC's provisioning service; this file holds only the shapes.
 */
import { z } from 'zod';

export const PROVISION_FORMAT = 'motcua-provision';
export const PROVISION_FORMAT_VERSION = 1;
/** The file name the app looks for in the data folder and in %ProgramData%\Motcua Desk. */
export const PROVISION_FILE_NAME = 'provision.motcua';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** A run of a day's running numbers, optionally only for receipt dates in [from, until]. */
export const ProvisionBlock = z.object({
  start: z.int().min(1).max(9999),
  end: z.int().min(1).max(9999),
  from: isoDate.optional(),
  until: isoDate.optional(),
});

export const ProvisionPayload = z.object({
  id: z.string().min(8).max(64),
  /** `replacement`: the slot had a PC before; its device is revoked and its codes are never repeated. */
  kind: z.enum(['new', 'replacement']),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  hub: z.object({
    /** https, or http to a loopback address only (see `checkHubUrl`). */
    url: z.string().min(8).max(300),
    /** The hub's Ed25519 public key, SPKI DER in base64. */
    publicKey: z.string().min(40).max(200),
  }),
  commune: z.object({
    /** The commune's id on the hub. */
    id: z.string().min(1).max(64),
    agencyCode: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    province: z.string().min(1).max(200),
  }),
  /** The PC's place among the commune's counters; it names the first digit of its dossier codes. */
  slot: z.int().min(0).max(9),
  sequenceBlocks: z.array(ProvisionBlock).min(1).max(20),
  /** One-time enrolment code, spent when the hub first answers. */
  enrolCode: z.string().min(6).max(64),
  /** The first local administrator; the setup code signs in once and must be replaced at once. */
  firstAdmin: z.object({
    id: z.string().min(1).max(64),
    username: z.string().min(1).max(64),
    displayName: z.string().min(1).max(120),
    setupCode: z.string().min(8).max(64),
  }),
  /** The hub device this package replaces, if any. */
  replaces: z.string().max(64).nullable(),
});
export type ProvisionPayload = z.infer<typeof ProvisionPayload>;

/** The file as written to disk. */
export const ProvisionFile = z.object({
  format: z.literal(PROVISION_FORMAT),
  version: z.literal(PROVISION_FORMAT_VERSION),
  payload: z.string().min(1).max(64 * 1024),
  signature: z.string().min(1).max(200),
});
export type ProvisionFile = z.infer<typeof ProvisionFile>;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a hub address is refused, or undefined when it is fine: https anywhere, plain http only to
 * this PC itself (tests, a hub on the same machine). A PC must never send its enrolment code or
 * dossiers in clear text over a commune's network.
 */
export function checkHubUrl(text: string): 'not-a-url' | 'not-https' | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && (loopbackHosts.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/u.test(url.hostname))) return undefined;
  return url.protocol === 'http:' ? 'not-https' : 'not-a-url';
}
