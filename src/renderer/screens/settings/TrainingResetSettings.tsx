import { useState } from 'react';
import type { LocalizedText } from '../../../shared/validation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';
import { useDesk } from '../shell/desk-context';

/**
 * Administrators in the training copy only: back to the starting sample data after a course, with
 * a confirm (everything practised is lost). The commune's real data cannot be reset; the core
 * refuses it too (desk.training-only).
 */
export function TrainingResetSettings() {
  const { t, pick } = useI18n();
  const { afterTrainingReset } = useDesk();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText>();

  const reset = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const r = await call('desk.training-reset', {});
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setAsking(false);
    afterTrainingReset();
  };

  return (
    <section data-testid="settings-training-reset" aria-labelledby="settings-training-reset-h">
      <h3 id="settings-training-reset-h">{t('trainingReset.heading')}</h3>
      <p>{t('trainingReset.explain')}</p>
      <button type="button" data-testid="training-reset" onClick={() => { setError(undefined); setAsking(true); }}>{t('trainingReset.heading')}</button>
      {asking && (
        <ConfirmDialog testId="training-reset-dialog" heading={`${t('trainingReset.heading')}?`} cancelText={t('users.cancel')}
          confirmText={busy ? t('trainingReset.running') : t('trainingReset.confirm')} busy={busy} {...(error ? { error: pick(error) } : {})}
          onConfirm={() => void reset()} onCancel={() => setAsking(false)}>
          <p>{t('trainingReset.confirmExplain')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
