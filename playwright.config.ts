import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/fixtures/chromium';

/**
 * E2E tests drive Debian's Chromium (no Playwright browser download works here) against the
 * production build served by `vite preview`, with COOP/COEP as users get; the service worker only
 * where a spec tests it (see `serviceWorkers` below).
 * E2E_PORT / E2E_OUT_DIR let several checkouts run side by side. E2E_WORKERS (default 1) runs that
 * many spec files at once: every fixture server listens on a port of its own choosing and every test
 * gets a fresh browser context, so files are independent; one worker keeps judge timings calm on two
 * cores shared with the unit tests.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'],
    },
    trace: 'off',
    // Without a service worker, unless a spec asks for one (offline.spec.ts): every test's fresh
    // context would otherwise install it, precaching 20 MB and compiling its scripts — 5–6 s of CPU
    // a test, a third of the suite's — for specs that test something else. The app without one is
    // what a visitor gets on a hard reload or where workers are refused, and it must work there too.
    serviceWorkers: 'block',
  },
  webServer: {
    // The build measures nothing: at a lower CPU priority it leaves the unit tests' judged programs (npm test runs them alongside) their core.
    command: `nice -n 10 npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
