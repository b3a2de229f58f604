/**
 * `npm test`: every check, in two lanes side by side, because the machines this runs on have two
 * cores and no suite keeps both busy: the browser tests (a production build, then Chromium driven
 * one test at a time) in one lane; the type checks, lint and the unit tests (one file at a time:
 * judge tests enforce time limits) in the other. Each lane stops at its first failure; the other
 * runs on, so one run reports every broken suite. Output lines carry their lane's name; a table of
 * what each step took closes the run.
 *
 * `npm test -- <lane>` runs one lane (`checks` or `browser`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const LANES: Record<string, string[]> = {
  checks: ['check', 'lint', 'test:unit'],
  browser: ['test:e2e'],
};

interface StepTime {
  lane: string;
  script: string;
  seconds: number;
  ok: boolean;
}

function runScript(lane: string, script: string): Promise<boolean> {
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${lane}] ${line}\n`));
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code === 0)));
}

async function runLane(lane: string, times: StepTime[]): Promise<boolean> {
  for (const script of LANES[lane]!) {
    const started = performance.now();
    const ok = await runScript(lane, script);
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
for (const t of times) process.stdout.write(`| ${t.lane} | npm run ${t.script} | ${t.seconds.toFixed(1)} s | ${t.ok ? 'passed' : 'FAILED'} |\n`);
process.stdout.write(`\nAll suites: ${((performance.now() - started) / 1000).toFixed(1)} s, ${results.every(Boolean) ? 'passed' : 'FAILED'}\n`);
process.exitCode = results.every(Boolean) ? 0 : 1;
