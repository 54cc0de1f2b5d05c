import type { DeskStatus } from '../../../shared/api/desk';
import type { Profile } from './folders';

/** What the core's `desk.*` handlers ask of the desk that opened it (see `desk.ts`). */
export interface DeskControl {
  status(): Promise<DeskStatus>;
  provision(input: { readonly fileText?: string | undefined; readonly fromKnownPaths?: boolean | undefined }): Promise<DeskStatus>;
  switchTo(to: Profile): Promise<DeskStatus>;
  resetTraining(): Promise<DeskStatus>;
}
