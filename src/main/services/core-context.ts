import type { Clock } from './clock';

/** What a host tells the core about where and how it runs. */
export interface CoreContext {
  readonly version: string;
  readonly dataDir: string;
  readonly host: 'electron' | 'browser-host' | 'cli';
  readonly clock: Clock;
}
