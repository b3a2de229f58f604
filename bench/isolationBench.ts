/**
 * What isolation costs per candidate (docs/execution.md, "Isolation"): every submission runs in a
 * fresh sandbox — in Node a child process under the permission model (a Pyodide load for Python),
 * in the browser a fresh worker. Measured on A+B (3 tests): one candidate after another with no
 * pause (the start-up of the next sandbox is paid in full), and with a pause between candidates
 * as a model generating them would leave (the spare sandbox starts during the pause). The
 * reference is native python3 / g++ judging the same program on the same tests in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Submission } from '../src/core/judging/executor';
import type { Problem } from '../src/core/problem/problem';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';
import { readProblemDir } from '../src/exec/node/problemDir';
import { type BenchSection, fmt, mean, median, ratio, timed } from './benchSection';

export const CANDIDATES = 5;
/** About what a 7B model needs for a short candidate at ~25 tokens/s. */
export const GENERATION_PAUSE_MS = 5000;

export const submission = (language: Submission['language'], file: string): Submission => ({
  language,
  source: readFileSync(new URL(`../tests/fixtures/submissions/aplusb/${file}`, import.meta.url), 'utf8'),
});

/** Judges CANDIDATES submissions one after another, pausing between them; ms per candidate. */
async function perCandidateMs(problem: Problem, candidate: Submission, pauseMs: number): Promise<number[]> {
  const executor = createNodeExecutor({ concurrency: 1 });
  try {
    await executor.warmUp(candidate.language);
    const times: number[] = [];
    for (let i = 0; i < CANDIDATES; i++) {
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const [result, ms] = await timed(() => executor.judge(problem, candidate));
      if (result.verdict !== 'AC') throw new Error(`bench candidate got ${result.verdict}`);
      times.push(ms);
    }
    return times;
  } finally {
    await executor.dispose();
  }
}

/** A native judge of the same program: one process per test, as a judge does. */
export function nativeJudgeMs(problem: Problem, candidate: Submission): number {
  const dir = mkdtempSync(join(tmpdir(), 'critique-lab-bench-'));
  try {
    let command = ['python3', '-c', candidate.source];
    if (candidate.language === 'cpp') {
      writeFileSync(join(dir, 'a.cpp'), candidate.source);
      execFileSync('g++', ['-O2', '-o', join(dir, 'a'), join(dir, 'a.cpp')]);
      command = [join(dir, 'a')];
    }
    const began = performance.now();
    for (const test of problem.tests) spawnSync(command[0]!, command.slice(1), { input: test.input });
    return performance.now() - began;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function languageRow(print: (line: string) => void, problem: Problem, label: string, candidate: Submission): Promise<void> {
  const backToBack = await perCandidateMs(problem, candidate, 0);
  const paused = await perCandidateMs(problem, candidate, GENERATION_PAUSE_MS);
  const native = median(Array.from({ length: 3 }, () => nativeJudgeMs(problem, candidate)));
  // The first judge of each series also compiles (C++) or meets a cold spare: left out of both.
  const paid = mean(backToBack.slice(1));
  const hidden = mean(paused.slice(1));
  print(`| ${label} | ${fmt(paid)} | ${fmt(hidden)} | ${fmt(native)} | ${ratio(paid, native)} | ${ratio(hidden, native)} |`);
}

export const isolationSection: BenchSection = {
  name: 'isolation',
  async run(print) {
    const problem = await readProblemDir(new URL('../public/problems/aplusb', import.meta.url).pathname);
    print(
      `### Isolation cost per candidate, Node (a fresh sandbox process per submission; A+B, ${problem.tests.length} tests, mean of ${CANDIDATES - 1} after the first)`,
    );
    print('');
    print(
      `| language | back to back (start-up paid) | with a ${GENERATION_PAUSE_MS / 1000} s pause (start-up hidden) | native judge | paid vs native | hidden vs native |`,
    );
    print('| --- | --- | --- | --- | --- | --- |');
    await languageRow(print, problem, 'Python (Pyodide per process)', submission('python', 'ac.py'));
    await languageRow(print, problem, 'C++ (compile cached; WASI runner per process)', submission('cpp', 'ac.cpp'));
    print('');
    print(
      'The pause stands in for the model: candidates arrive seconds apart, and the spare sandbox started after the previous lease is ready by then.',
    );
    print('');
  },
};
