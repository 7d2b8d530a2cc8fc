import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built app served locally, driven in Debian's Chromium.
 *
 * Every test opens a fresh app and sets up what it checks, so the tests run shuffled: a test
 * that starts leaning on what another left behind fails here, not only when run alone. The seed
 * is fixed so a failure reproduces run after run (Vitest prints it: `Running tests with seed`);
 * try other orders with `--sequence.seed=N`.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 60000,
    // Each file has its own browser and server: two files at a time use both cores.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { shuffle: true, seed: 20251203 },
  },
});
