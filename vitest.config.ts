import { defineConfig } from 'vitest/config';

// Unit tests sit beside their files; cross-layer integration tests live in test/integration.
// End-to-end tests (Chromium through the browser host) have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
