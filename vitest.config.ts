import { defineConfig } from 'vitest/config';

/**
 * Three projects, one file at a time each; `npm test` runs them as three Vitest processes in its
 * lanes (scripts/runTests.ts), `vitest run` one after the other:
 * - `judge`: files that run programs with the real runtimes under time limits (CPU time). One file
 *   at a time: the lane keeps to about one core and leaves the other to the browser lane, whose
 *   time limits are wall time. Its global setup serves one clang, one folder of compiled programs
 *   and one Pyodide snapshot to the whole run (tests/unit/compiledProgramsSetup.ts).
 * - `cli`: the CLI's files (they judge too, and start the CLI as a child process), with the same
 *   global setup. `npm test` runs them after the browser tests, in that lane, so that both lanes
 *   end at about the same time instead of the judge lane running on alone.
 * - `logic`: everything else — pure code, scripted servers; nothing timed against a runtime's
 *   limits. Its files share one worker process (`isolate: false`: half the CPU of a fresh process
 *   per file), so a file here must leave no global state changed: none mocks modules, stubs
 *   globals or fakes timers; a file that must belongs in a project of its own.
 */
const JUDGE_FILES = ['tests/unit/exec/**/*.test.ts', 'tests/unit/content/**/*.test.ts'];
const CLI_FILES = ['tests/unit/cli/**/*.test.ts'];
const JUDGE_SETUP = ['tests/unit/compiledProgramsSetup.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'judge', include: JUDGE_FILES, globalSetup: JUDGE_SETUP, fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'cli', include: CLI_FILES, globalSetup: JUDGE_SETUP, fileParallelism: false },
      },
      {
        extends: true,
        test: {
          name: 'logic',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [...JUDGE_FILES, ...CLI_FILES],
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
