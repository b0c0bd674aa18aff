import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Spawn-heavy CLI and lifecycle tests run beside Chromium on two cores; a slow machine must not fail them.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Browser and PostgreSQL suites share machine-wide resources; two cores are all we have.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
