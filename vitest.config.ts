import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/conformance/**/*.test.ts',
      'test/component/**/*.test.tsx',
    ],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
    // Vitest leaves one core free by default; on a 2-core CI machine that is half the machine.
    maxWorkers: 2,
  },
});
