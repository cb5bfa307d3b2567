import { defineConfig } from 'vitest/config';

// Two suites: pure rules (core, fast) and integration through a real database and real HTTP.
// `npm run test:pg` runs the integration suite again against PostgreSQL (VARN_TEST_DB=postgres).
export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on a 2-core CI machine that means one worker.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'web/src/**/*.test.ts', 'web/build/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
