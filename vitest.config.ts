import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'lib/**/*.test.ts',
      'cli/**/*.test.ts',
      'tools/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    // Tests that store and analyse in fake IndexedDB take seconds when both cores are busy: a
    // bound on time is not what they test (speed is measured by the benchmarks).
    testTimeout: 30_000,
  },
});
