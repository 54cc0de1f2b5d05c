/**
 * An isolated SANE configuration for tests and the bench: only the `test` backend, so libsane
 * never probes the network or loads real drivers. Must run before the first sane_init.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `dll.conf` (test only) and `test.conf`, and points SANE_CONFIG_DIR at them. */
export function useSaneTestBackend(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  writeFileSync(join(dir, 'test.conf'), 'number_of_devices 2\n');
  process.env.SANE_CONFIG_DIR = dir;
  return dir;
}
