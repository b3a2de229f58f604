/**
 * `npm test`: every check, in three lanes side by side, because the machines this runs on have two
 * cores and no single suite keeps both busy:
 * - `judge`: the unit tests that run programs with the real runtimes under time limits (CPU time)
 *   (Vitest project `judge`, one file at a time) — the longest lane;
 * - `browser`: a production build, then the Playwright tests in Chromium, then the CLI's tests
 *   (Vitest project `cli`: they judge too). Alone, the judge lane ran on for minutes after the
 *   browser lane ended, with a core to spare; the CLI's files take that up;
 * - `checks`: type checks, lint, then the unit tests of pure code (Vitest project `logic`). Nothing
 *   here is timed, so it runs at a lower CPU priority (nice 10): where it competes for a core with
 *   a judged program, the program wins and its time stays honest.
 * Each lane stops at its first failure; the others run on, so one run reports every broken suite.
 * Output lines carry their lane's name; a table of what each step took closes the run.
 *
 * `npm test -- <lane> [<lane>…]` runs only those lanes.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Lane {
  scripts: string[];
  /** Runs under `nice -n 10`: nothing in it measures time. */
  yields: boolean;
}

const LANES: Record<string, Lane> = {
  judge: { scripts: ['test:judge'], yields: false },
  browser: { scripts: ['test:e2e', 'test:cli'], yields: false },
  checks: { scripts: ['check', 'lint', 'test:logic'], yields: true },
};

interface StepTime {
  lane: string;
  script: string;
  seconds: number;
  ok: boolean;
}

function runScript(lane: string, script: string, yields: boolean): Promise<boolean> {
  const npm = ['npm', 'run', '--silent', script];
  const [command, ...args] = yields ? ['nice', '-n', '10', ...npm] : npm;
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${lane}] ${line}\n`));
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code === 0)));
}

async function runLane(lane: string, times: StepTime[]): Promise<boolean> {
  const { scripts, yields } = LANES[lane]!;
  for (const script of scripts) {
    const started = performance.now();
    const ok = await runScript(lane, script, yields);
    times.push({ lane, script, seconds: (performance.now() - started) / 1000, ok });
    if (!ok) return false;
  }
  return true;
}

const chosen = process.argv.slice(2);
const unknown = chosen.filter((lane) => !(lane in LANES));
if (unknown.length > 0) {
  process.stderr.write(`Unknown lane ${unknown.join(', ')}: the lanes are ${Object.keys(LANES).join(', ')}.\n`);
  process.exit(2);
}
const started = performance.now();
const times: StepTime[] = [];
const results = await Promise.all((chosen.length > 0 ? chosen : Object.keys(LANES)).map((lane) => runLane(lane, times)));
process.stdout.write('\n| lane | step | time | result |\n| --- | --- | --- | --- |\n');
for (const t of times)
  process.stdout.write(`| ${t.lane} | npm run ${t.script} | ${t.seconds.toFixed(1)} s | ${t.ok ? 'passed' : 'FAILED'} |\n`);
process.stdout.write(
  `\nAll suites: ${((performance.now() - started) / 1000).toFixed(1)} s, ${results.every(Boolean) ? 'passed' : 'FAILED'}\n`,
);
process.exitCode = results.every(Boolean) ? 0 : 1;
