import { defineConfig } from 'vitest/config';

/**
 * Two projects, one file at a time each; `npm test` runs them side by side as two Vitest processes
 * (scripts/runTests.ts), `vitest run` one after the other:
 * - `judge`: files that run programs with the real runtimes under time limits (CPU time), or
 *   start the CLI. One file at a time: the lane keeps to about one core and leaves the other to
 *   the browser lane, whose time limits are wall time. Its global setup serves one clang and one folder of compiled programs to the
 *   whole run (tests/unit/compiledProgramsSetup.ts).
 * - `logic`: everything else — pure code, scripted servers; nothing timed against a runtime's
 *   limits. Its files share one worker process (`isolate: false`: half the CPU of a fresh process
 *   per file), so a file here must leave no global state changed: none mocks modules, stubs
 *   globals or fakes timers; a file that must belongs in a project of its own.
 */
const JUDGE_FILES = ['tests/unit/exec/**/*.test.ts', 'tests/unit/content/**/*.test.ts', 'tests/unit/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'judge', include: JUDGE_FILES, globalSetup: ['tests/unit/compiledProgramsSetup.ts'], fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'logic', include: ['tests/unit/**/*.test.ts'], exclude: JUDGE_FILES, fileParallelism: false, isolate: false },
      },
    ],
  },
});
