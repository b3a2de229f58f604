import { defineConfig } from 'vitest/config';

/**
 * Two projects that run side by side, one worker each (two in all, for the two cores CI has):
 * - `judge`: files that run programs with the real runtimes and enforce wall-clock time limits, or
 *   start the CLI. One file at a time, so a file's verdicts never share a core with another judge
 *   file's programs. Its global setup serves one clang and one folder of compiled programs to the
 *   whole run (tests/unit/compiledProgramsSetup.ts).
 * - `logic`: everything else — pure code, scripted servers, fake timers; nothing timed against a
 *   runtime's limits.
 */
const JUDGE_FILES = ['tests/unit/exec/**/*.test.ts', 'tests/unit/content/**/*.test.ts', 'tests/unit/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'judge', include: JUDGE_FILES, globalSetup: ['tests/unit/compiledProgramsSetup.ts'], fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'logic', include: ['tests/unit/**/*.test.ts'], exclude: JUDGE_FILES, fileParallelism: false },
      },
    ],
  },
});
