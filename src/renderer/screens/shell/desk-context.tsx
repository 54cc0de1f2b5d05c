/**
 * What every signed-in screen may need to know about the data that is open (issue 12): the
 * core's desk status and app info, who is signed in, and the actions that change them (the
 * switch to the other data, asked through a confirm dialog; what to do after a training reset).
 */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../shared/api/app';
import type { DeskStatus } from '../../../shared/api/desk';
import type { DataInUse } from '../../components/StatusBar';
import { useI18n } from '../../i18n';

export interface DeskContextValue {
  readonly desk: DeskStatus | undefined;
  readonly info: AppInfo | undefined;
  /** The signed-in account's id (an administrator's own row has no actions). */
  readonly selfId: string | undefined;
  /** Opens the confirm dialog for the other data; undefined when there is none to switch to. */
  readonly requestSwitch: (() => void) | undefined;
  /** The training data was reset: the sessions may be gone, the desk status changed. */
  readonly afterTrainingReset: () => void;
}

export const DeskContext = createContext<DeskContextValue>({ desk: undefined, info: undefined, selfId: undefined, requestSwitch: undefined, afterTrainingReset: () => undefined });

export function useDesk(): DeskContextValue {
  return useContext(DeskContext);
}

/** The status bar's "Dữ liệu thật: <commune>" / "Bản đào tạo: <commune>" and its switch. */
export function useDataInUse(): DataInUse {
  const { t } = useI18n();
  const { info, requestSwitch } = useDesk();
  const training = info?.mode === 'training';
  return {
    label: training ? t('data.training') : t('data.real'),
    commune: info?.commune.name ?? '',
    training,
    ...(requestSwitch ? { switchText: training ? t('data.openReal') : t('data.openTraining'), onSwitch: requestSwitch } : {}),
  };
}
