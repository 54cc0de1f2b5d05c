/**
 * Test-only probes into the fake TWAIN DSM (fake-dsm.c): the TWAIN state it is in, so tests can
 * check that every path steps the session back down to state 1, and the capability containers
 * the driver has not freed.
 */
import koffi from 'koffi';

/** Reads `fake_twain_state()` from the compiled fake DSM at `path`. */
export function fakeDsmState(path: string): () => number {
  const fn = koffi.load(path).func('int fake_twain_state(void)');
  return () => fn() as number;
}

/** Reads `fake_twain_live_containers()`: allocated through DSM_MemAllocate and not yet freed. */
export function fakeDsmLiveContainers(path: string): () => number {
  const fn = koffi.load(path).func('int fake_twain_live_containers(void)');
  return () => fn() as number;
}
