import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupList, BackupStatus } from '../../../shared/api/maintenance';
import type { z } from 'zod';
import { useI18n } from '../../i18n';
import { call } from '../shell/call';

type Status = z.infer<typeof BackupStatus>;
type Kept = z.infer<typeof BackupList>['backups'];

/** How often the screen asks how far the backup is; the core copies in steps between answers. */
const POLL_MS = 300;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function backupSize(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Office time (Vietnam), whatever zone the PC's clock is set to. */
function backupTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/**
 * "Back up now" with its progress, and the backups kept on this PC. The button stays focusable
 * while a backup runs (aria-disabled, not disabled) so keyboard focus is not thrown to the page.
 */
export function BackupSettings() {
  const { t, pick } = useI18n();
  const [kept, setKept] = useState<Kept>();
  const [job, setJob] = useState<Status>();
  const [error, setError] = useState<string>();
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  const load = useCallback(async () => {
    const r = await call('backup.list', {});
    if (r.ok && mounted.current) setKept(r.value.backups);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const running = job?.state === 'running';
  const start = async () => {
    if (running) return;
    setError(undefined);
    const started = await call('backup.start', {});
    if (!started.ok) return setError(pick(started.error.message));
    for (;;) {
      const r = await call('backup.status', { jobId: started.value.jobId });
      if (!mounted.current) return;
      if (!r.ok) { setJob(undefined); return setError(pick(r.error.message)); }
      setJob(r.value);
      if (r.value.state !== 'running') break;
      await wait(POLL_MS);
    }
    await load();
  };

  return (
    <section data-testid="settings-backup" aria-labelledby="settings-backup-h">
      <h3 id="settings-backup-h">{t('settings.backup')}</h3>
      <div className="row">
        <button type="button" className="primary" data-testid="backup-now" aria-disabled={running ? true : undefined} onClick={() => void start()}>
          {running ? t('settings.backupRunning') : t('settings.backupNow')}
        </button>
        {job && (
          <div className="backup-progress" role="progressbar" data-testid="backup-progress" aria-label={t('settings.backupProgress')}
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.percent} aria-valuetext={`${job.percent}%`}>
            <span className="backup-progress-fill" style={{ width: `${job.percent}%` }} />
          </div>
        )}
        {job && <span aria-hidden="true">{job.percent}%</span>}
      </div>
      {error && <p className="field-error" role="alert" data-testid="backup-error">{error}</p>}
      {job?.state === 'failed' && job.error && <p className="field-error" role="alert" data-testid="backup-error">{pick(job.error.message)}</p>}
      {job?.state === 'done' && (
        <p className="ok-text" role="status" data-testid="backup-ok">
          {t('settings.backupDone')}: <span className="code">{job.file}</span> ({backupSize(job.bytes ?? 0)})
        </p>
      )}
      <h4 id="settings-backup-list-h">{t('settings.backupList')}</h4>
      {kept?.length === 0 && <p className="muted">{t('settings.backupEmpty')}</p>}
      {kept && kept.length > 0 && (
        <table data-testid="backup-list" aria-labelledby="settings-backup-list-h">
          <thead><tr><th scope="col">{t('settings.backupTime')}</th><th scope="col">{t('settings.backupFile')}</th><th scope="col">{t('settings.backupSize')}</th></tr></thead>
          <tbody>
            {kept.map((b) => (
              <tr key={b.file}><td>{backupTime(b.takenAt)}</td><td className="code">{b.file}</td><td className="num">{backupSize(b.bytes)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
