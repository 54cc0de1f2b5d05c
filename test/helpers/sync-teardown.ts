/**
 * The teardown every sync test needs, apart from sync-pc.ts because that file is also bundled
 * into the PC processes of the network-namespace test, where vitest cannot be loaded.
 */
import { afterEach } from 'vitest';
import type { TestPc } from './sync-pc';

/** What a sync test opened: closed after each test, PCs first, then the proxy, then the hub. */
export interface OpenSyncParts {
  hub?: { close(): Promise<unknown> };
  proxy?: { close(): Promise<unknown> };
  pcs: TestPc[];
}

/** Registers the teardown once per describe block, so no test leaves a hub or a store open. */
export function useOpenSyncParts<T extends OpenSyncParts>(): T {
  const open = { pcs: [] } as unknown as T;
  afterEach(async () => {
    for (const pc of open.pcs.splice(0)) {
      await pc.client.dispose();
      pc.store.close();
    }
    await open.proxy?.close();
    open.proxy = undefined;
    await open.hub?.close();
    open.hub = undefined;
  });
  return open;
}
