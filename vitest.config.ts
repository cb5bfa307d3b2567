import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The long files first. Without a cache (a clean CI clone) Vitest starts the biggest files
 * first, and the attack sequences are small files over a shared helper that run a minute or more
 * each: started last, they ran alone on one core at the end, a third of the suite's time.
 */
const longFiles = [
  /access-sequences/,
  /server\/main\.test/,
  /server\/audit\/audit\.test/,
  /authorization-matrix/,
];
class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = longFiles.findIndex((pattern) => pattern.test(f.moduleId));
      return at === -1 ? longFiles.length : at;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

// Two suites: pure rules (core, fast) and integration through a real database and real HTTP.
// `npm run test:pg` runs the integration suite again against PostgreSQL (VARN_TEST_DB=postgres).
export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on a 2-core CI machine that means one worker.
    maxWorkers: 2,
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'web/src/**/*.test.ts', 'web/build/**/*.test.ts'],
          // Reading Skatteverket's 173 700 test numbers takes 1.5 s alone and passed 5 s beside
          // the integration suite on two cores: a budget for load, not for slowness.
          testTimeout: 20_000,
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
