// Lint is where the architecture of DESIGN.md §2 is enforced. Do not relax these rules: a layer
// that imports a higher one, or a package used outside its one home, fails the build.
// test/integration/lint-boundaries.test.ts checks that the zones below still bite.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const hosts = ['src/main/app', 'src/main/host', 'src/main/cli'];

/** Layer zones: `target` may not import anything under `from`. */
export const layerZones = [
  { target: 'src/shared', from: ['src/main', 'src/sync', 'src/hub', 'src/renderer'], message: 'src/shared is the lowest layer: pure TypeScript that imports nothing of ours.' },
  { target: 'src/main/store', from: ['src/main/services', 'src/main/devices', 'src/main/documents', ...hosts, 'src/sync', 'src/hub', 'src/renderer'], message: 'The store may import only src/shared.' },
  { target: 'src/main/devices', from: ['src/main/store', 'src/main/services', 'src/main/documents', ...hosts, 'src/sync', 'src/hub', 'src/renderer'], message: 'Devices may import only src/shared.' },
  { target: 'src/main/documents', from: ['src/main/store', 'src/main/services', 'src/main/devices', ...hosts, 'src/sync', 'src/hub', 'src/renderer'], message: 'Documents may import only src/shared.' },
  { target: 'src/main/services', from: [...hosts, 'src/sync', 'src/hub', 'src/renderer'], message: 'Services may import store, devices, documents and shared, never a host, sync, the hub or the renderer.' },
  { target: 'src/sync', from: ['src/main/services', 'src/main/devices', 'src/main/documents', ...hosts, 'src/hub', 'src/renderer'], message: 'Sync may import only src/main/store and src/shared.' },
  { target: 'src/sync/protocol', from: ['src/main/**', 'src/sync/!(protocol)/**', 'src/sync/*.ts'], message: 'The sync protocol is shared with the hub: it imports only src/shared.' },
  { target: hosts, from: ['src/hub', 'src/renderer'], message: 'Hosts wire the core; they never import the hub or the renderer.' },
  { target: 'src/renderer', from: ['src/main', 'src/sync', 'src/hub'], message: 'The renderer reaches the core only through the API (window.motcua or the browser host).' },
  { target: 'src/hub', from: ['src/main/**', 'src/renderer/**', 'src/sync/!(protocol)/**', 'src/sync/*.ts'], message: 'The hub imports only src/shared and src/sync/protocol.' },
];

/** Packages with exactly one home; everywhere else they are banned. */
const homes = [
  { files: ['src/main/app/**'], packages: ['electron'] },
  { files: ['src/main/store/**'], packages: ['better-sqlite3'] },
  { files: ['src/main/documents/**'], packages: ['pdf-lib', '@pdf-lib/fontkit', 'qrcode'] },
  { files: ['src/hub/**'], packages: ['fastify', 'pg', '@electric-sql/pglite'] },
  { files: ['src/main/devices/scanner/pipeline/**'], packages: ['sharp'] },
  { files: ['src/**/*-ffi.ts'], packages: ['koffi'] },
];
const homed = homes.flatMap((h) => h.packages);
const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

function bannedImports(allowed, extra = []) {
  const names = homed.filter((p) => !allowed.includes(p));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message: `${name} has one home in the layering (see eslint.config.js).` })),
        patterns: [
          ...names.map((name) => ({ group: [`${name}/*`], message: `${name} has one home in the layering.` })),
          ...extra,
        ],
      },
    ],
  };
}
const noNode = [{ group: nodeBuiltins, message: 'src/shared and src/renderer run in the browser too: no Node built-ins.' }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname, noWarnOnMultipleProjects: true },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: bannedImports([]) },
  { files: ['src/shared/**/*.ts'], ignores: ['**/*.test.ts'], rules: bannedImports([], noNode) },
  { files: ['src/renderer/**/*.{ts,tsx}'], rules: bannedImports([], noNode) },
  ...homes.map((h) => ({ files: h.files, rules: bannedImports(h.packages) })),
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'describe', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'test', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'it', property: 'skip', message: 'Fix or delete the test; use skipIf with a stated reason.' },
        { object: 'describe', property: 'skip', message: 'Fix or delete the test; use skipIf with a stated reason.' },
        { object: 'test', property: 'skip', message: 'Fix or delete the test; use skipIf with a stated reason.' },
      ],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
);
