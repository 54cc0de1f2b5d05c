import { useState } from 'react';
import { download } from '../../download';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

/** A data subject's request (issue 13): everything held about one personal ID number, as a JSON file. */
export function SubjectExportPanel() {
  const { t, pick } = useI18n();
  const [idNumber, setIdNumber] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    const r = await call('subject.export', { idNumber });
    setBusy(false);
    if (!r.ok) return setStatus({ ok: false, text: pick(r.error.message) });
    download(new TextEncoder().encode(JSON.stringify(r.value, null, 2)), `du-lieu-ca-nhan-${r.value.idNumber}.json`, 'application/json');
    setStatus({ ok: true, text: t('subject.done').replace('{count}', String(r.value.count)) });
  };
  return (
    <section aria-labelledby="subject-heading" data-testid="subject-export">
      <h3 id="subject-heading">{t('subject.heading')}</h3>
      <p className="muted">{t('subject.explain')}</p>
      <form className="search-box" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label>{t('subject.idNumber')}<input data-testid="subject-id" inputMode="numeric" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} /></label>
        <button type="submit" aria-disabled={busy}>{t('subject.export')}</button>
      </form>
      {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'muted' : 'error-text'} data-testid="subject-status">{status.text}</p>}
    </section>
  );
}
