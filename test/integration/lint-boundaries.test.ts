import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The layering of DESIGN.md §2 lives in eslint.config.js; these probes prove it still bites.
// Type-aware rules are switched off so probe files need not exist on disk.
const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const forbidden: [string, string, string, string][] = [
  ['shared importing the store', 'src/shared/probe.ts', "export { openStore } from '../main/store/db';", 'import-x/no-restricted-paths'],
  ['store importing services', 'src/main/store/probe.ts', "export { openCore } from '../services/core';", 'import-x/no-restricted-paths'],
  ['services importing a host', 'src/main/services/probe.ts', "export { startHost } from '../host/server';", 'import-x/no-restricted-paths'],
  ['renderer importing the core', 'src/renderer/probe.ts', "export { openCore } from '../main/services/core';", 'import-x/no-restricted-paths'],
  ['services importing electron', 'src/main/services/probe.ts', "export { app } from 'electron';", 'no-restricted-imports'],
  ['services importing better-sqlite3', 'src/main/services/probe.ts', "export { default } from 'better-sqlite3';", 'no-restricted-imports'],
  ['renderer importing node:fs', 'src/renderer/probe.ts', "export { readFileSync } from 'node:fs';", 'no-restricted-imports'],
  ['shared importing path', 'src/shared/probe.ts', "export { join } from 'path';", 'no-restricted-imports'],
  ['the hub importing the store', 'src/hub/probe.ts', "export { openStore } from '../main/store/db';", 'import-x/no-restricted-paths'],
  ['the hub importing the sync client', 'src/hub/probe.ts', "export { SyncClient } from '../sync/client';", 'import-x/no-restricted-paths'],
  ['the sync protocol importing the sync client', 'src/sync/protocol/probe.ts', "export { SyncClient } from '../client';", 'import-x/no-restricted-paths'],
  ['the sync client importing services', 'src/sync/probe.ts', "export { openCore } from '../main/services/core';", 'import-x/no-restricted-paths'],
  ['services importing the sync client', 'src/main/services/probe.ts', "export { SyncClient } from '../../sync/client';", 'import-x/no-restricted-paths'],
  ['services importing fastify', 'src/main/services/probe.ts', "export { default } from 'fastify';", 'no-restricted-imports'],
  ['devices importing sharp outside the pipeline', 'src/main/devices/probe.ts', "export { default } from 'sharp';", 'no-restricted-imports'],
  ['koffi outside an -ffi.ts file', 'src/main/devices/scanner/probe.ts', "export { default } from 'koffi';", 'no-restricted-imports'],
];

const allowed: [string, string, string][] = [
  ['app importing electron', 'src/main/app/probe.ts', "export { app } from 'electron';"],
  ['store importing better-sqlite3', 'src/main/store/probe.ts', "export { default } from 'better-sqlite3';"],
  ['services importing the store', 'src/main/services/probe.ts', "export { openStore } from '../store/db';"],
  ['renderer importing shared', 'src/renderer/probe.ts', "export { contract } from '../shared/api/contract';"],
  ['the hub importing the sync protocol', 'src/hub/probe.ts', "export { PROTOCOL_VERSION } from '../sync/protocol/messages';"],
  ['the sync client importing the store', 'src/sync/probe.ts', "export { openStore } from '../main/store/db';"],
  ['koffi in an -ffi.ts file', 'src/main/devices/scanner/probe-ffi.ts', "export { default } from 'koffi';"],
];

describe('lint enforces the layering', () => {
  it.each(forbidden)('rejects %s', async (_name, file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each(allowed)('accepts %s', async (_name, file, code) => {
    const ids = await ruleIds(file, code);
    expect(ids.filter((id) => id === 'import-x/no-restricted-paths' || id === 'no-restricted-imports')).toEqual([]);
  });
});
