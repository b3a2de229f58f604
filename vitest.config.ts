import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    globalSetup: ['tests/unit/compiledProgramsSetup.ts'],
    // Judge tests enforce wall-clock time limits on real Pyodide/clang runs; files running side by
    // side on a 2-core CI box would steal each other's CPU and turn accepted programs into TLEs.
    fileParallelism: false,
  },
});
