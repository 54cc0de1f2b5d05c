/**
 * Which dossier statuses each list and count takes, named once so that queues and reports agree.
 * The state machine (src/shared/dossier) decides what a status means for the clock: `receive`
 * starts it, `request-supplement` and `pause` stop it for a while, `resolve` stops it for good.
 */
import type { DossierStatus } from '../../../shared/dossier/states';

/** The statutory clock runs: such a dossier can be due today or overdue. */
export const CLOCK_RUNNING: readonly DossierStatus[] = ['received', 'transferred', 'processing'];

/** The clock is stopped while the citizen supplies papers or pays: never overdue meanwhile. */
export const CLOCK_STOPPED: readonly DossierStatus[] = ['supplement-requested', 'paused'];

/** Received and still without a result: the backlog a report counts as pending. */
export const AWAITING_RESULT: readonly DossierStatus[] = [...CLOCK_RUNNING, ...CLOCK_STOPPED];

/** Carry a result (đã có kết quả, đã trả kết quả): counted as resolved in reports. */
export const WITH_RESULT: readonly DossierStatus[] = ['resolved', 'returned'];

/** Still on someone's desk: "my dossiers" includes results waiting to be handed back. */
export const ON_A_DESK: readonly DossierStatus[] = [...AWAITING_RESULT, 'resolved'];

/** Refused at intake: never received, so not counted as received. */
export const NEVER_RECEIVED: readonly DossierStatus[] = ['refused', 'draft', 'discarded', 'submitted-online'];
