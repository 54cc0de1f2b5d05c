import type { Scanner } from '../devices/scanner/scanner';
import type { Printer } from '../devices/printer/printer';
import type { Clock } from './clock';
import type { SyncEngineFactory } from './sync/engine';
import type { DeskControl } from './desk/desk-control';

/** What a host tells the core about where and how it runs. */
export interface CoreContext {
  readonly version: string;
  /** The folder of this core's database: the root data folder, or its `training/` sandbox. */
  readonly dataDir: string;
  /** Which data the folder holds (see `openCore`). */
  readonly profile: 'production' | 'training';
  /** The desk that opened this core, for the `desk.*` calls; absent in the CLI and in tests of one folder. */
  readonly desk?: DeskControl;
  readonly host: 'electron' | 'browser-host' | 'cli';
  readonly clock: Clock;
  /** Scanner drivers to use; defaults to `defaultScanners()` (SANE, and eSCL at configured addresses). */
  readonly scanners?: readonly Scanner[];
  /** The printing system; defaults to CUPS (`lp`). Electron will pass its own (see docs/architecture.md). */
  readonly printer?: Printer;
  /** Builds the sync scheduler (the hosts pass `src/sync`'s); without it sync calls answer `sync.unavailable`. */
  readonly sync?: SyncEngineFactory;
}
