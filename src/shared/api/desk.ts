/**
 * Which data this PC is working on (issue 12): nothing yet (first start), the commune's real
 * data once a provisioning package is applied, or the training sandbox with its fictitious demo
 * commune. The two live in separate folders; switching is an explicit call and shows in the
 * status bar.
 */
import { z } from 'zod';

const localizedMessage = z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }) });

export const DeskMode = z.enum(['unset', 'production', 'training']);
export type DeskMode = z.infer<typeof DeskMode>;

/** Where the provisioned PC stands with the hub. */
export const EnrolmentState = z.enum(['pending', 'enrolled', 'refused']);

export const ProvisionView = z.object({
  commune: z.object({ name: z.string(), agencyCode: z.string(), province: z.string() }),
  slot: z.number().int(),
  hubUrl: z.string(),
  appliedAt: z.string(),
  enrolment: EnrolmentState,
  /** Why the last enrolment attempt failed (hub unreachable, refused…); null when none failed. */
  lastError: localizedMessage.nullable(),
  /**
   * The first administrator's user name while its setup code has not been replaced yet: the
   * first-run screen tells the person to sign in with it and the code from the data centre.
   */
  firstAdminPending: z.string().nullable(),
});
export type ProvisionView = z.infer<typeof ProvisionView>;

export const DeskStatus = z.object({
  mode: DeskMode,
  /** A provisioned commune folder exists on this PC. */
  productionReady: z.boolean(),
  /** The training sandbox folder exists (it is made on first use). */
  trainingReady: z.boolean(),
  provision: ProvisionView.nullable(),
  /** Where a provisioning file is picked up from, for the "Cài đặt cho xã" screen. */
  packagePaths: z.array(z.string()),
});
export type DeskStatus = z.infer<typeof DeskStatus>;

/** A package chosen on screen: the file's text (it is small JSON). */
export const ProvisionInput = z
  .object({
    fileText: z.string().min(1).max(64 * 1024).optional(),
    /** Look in the usual places instead (data folder, %ProgramData%\Motcua Desk). */
    fromKnownPaths: z.boolean().optional(),
  })
  .strict();

export const DeskSwitchInput = z.object({ to: z.enum(['production', 'training']) }).strict();
