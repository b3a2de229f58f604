/**
 * The production build the browser benchmarks serve: built once per `npm run bench`, however many
 * sections use it (a build takes a minute on two cores), and removed when the run ends. With
 * `BENCH_SITE_DIR` set to a finished build (the `dist/` the browser tests just used) nothing is built.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let site: string | undefined;

export function productionSite(): string {
  if (process.env.BENCH_SITE_DIR) return process.env.BENCH_SITE_DIR;
  if (site) return site;
  const outDir = mkdtempSync(join(tmpdir(), 'critique-lab-bench-site-'));
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  site = outDir;
  return site;
}
