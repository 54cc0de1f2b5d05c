import type { ProvisionView } from '../../../shared/api/desk';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import { officeTime } from '../status/status-items';
import { provisionSteps, type ProvisionStep, type StepState } from './desk-values';

const stepLabel: Record<ProvisionStep['id'], MessageKey> = {
  package: 'progress.package',
  commune: 'progress.commune',
  catalogue: 'progress.catalogue',
  'first-admin': 'progress.firstAdmin',
  enrolment: 'progress.enrolment',
};
const stateWord: Record<StepState, MessageKey> = { done: 'progress.done', waiting: 'progress.waiting', refused: 'progress.refused' };
const stateIcon: Record<StepState, string> = { done: '✓', waiting: '…', refused: '✗' };

/**
 * Beside the sign-in form of a freshly provisioned PC: what the package did, and the enrolment
 * with the hub, which happens by itself and never holds up work (the PC receives dossiers while
 * it waits). Each step says its state in words, not only by colour or icon.
 */
export function ProvisionProgress({ provision }: { readonly provision: ProvisionView }) {
  const { t, pick } = useI18n();
  const steps = provisionSteps(provision);
  return (
    <section className="provision-progress" data-testid="provision-progress" aria-labelledby="progress-h">
      <h2 id="progress-h">{t('progress.heading')}</h2>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step.id} className={`step step-${step.state}`} data-testid={`step-${step.id}`} data-state={step.state}>
            <span className="step-badge"><span aria-hidden="true">{stateIcon[step.state]} </span>{t(stateWord[step.state])}</span>
            <span className="step-text">
              {t(stepLabel[step.id])}
              {step.id === 'commune' && <>: <b data-testid="progress-commune">{provision.commune.name}</b> ({provision.commune.agencyCode}, {provision.commune.province}), {t('progress.slot')} {provision.slot}</>}
              {step.id === 'package' && <span className="muted"> — {officeTime(provision.appliedAt)}</span>}
            </span>
            {step.id === 'enrolment' && (
              <span className="step-detail" role="status" data-testid="enrolment-state">
                {provision.enrolment === 'pending' && t('progress.pending')}
                {provision.enrolment === 'refused' && t('progress.refusedExplain')}
                {provision.enrolment === 'enrolled' && t('progress.enrolled')}
                <span className="code muted"> ({provision.hubUrl})</span>
                {provision.lastError && provision.enrolment !== 'enrolled' && (
                  <span className="step-error" data-testid="enrolment-error">{t('progress.lastError')}: {pick(provision.lastError.message)}</span>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
      {provision.firstAdminPending && (
        <p className="first-login" data-testid="first-admin-hint">
          {t('progress.firstLoginBefore')} <b className="code">{provision.firstAdminPending}</b> {t('progress.firstLoginAfter')}
        </p>
      )}
    </section>
  );
}
