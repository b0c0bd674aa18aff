import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and PostgreSQL suites share machine-wide resources; two cores are all we have.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
