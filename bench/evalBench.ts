/**
 * Eval throughput (docs/eval.md) on the LiveCodeBench fixture: judged candidates per minute with
 * the judging pool at 1 and at 2 processes (`--judges`), against a native judge doing the same
 * work (python3 running each framed program per test, then python3 running the same LiveCodeBench
 * comparison), measured in the same run; and a whole `critique-lab eval` against a scripted
 * server that answers at once, so judging and the pipeline are all that costs. A user compares the
 * first figure with the rate their server writes candidates to see which side is the bottleneck.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalCommand } from '../src/cli/evalCommand';
import { frameSubmission } from '../src/core/judging/submissionFrame';
import { readLiveCodeBenchFile } from '../src/core/problem/liveCodeBench/liveCodeBenchFile';
import type { Problem } from '../src/core/problem/problem';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';
import { MODEL, PROGRAMS, startLiveCodeBenchModel } from '../tests/fixtures/servers/liveCodeBenchModel';
import { type BenchSection, timed } from './benchSection';

const FIXTURE = 'tests/fixtures/liveCodeBench/problems.jsonl';
const ROUNDS = 3;

interface Job {
  problem: Problem;
  source: string;
}

async function jobs(): Promise<Job[]> {
  const file = await readLiveCodeBenchFile(readFileSync(FIXTURE, 'utf8'));
  const out: Job[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { problem } of file.problems) for (const source of PROGRAMS[problem.title]!) out.push({ problem, source });
  }
  return out;
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void> | void): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The native reference: python3 per test for the program, python3 per test for the comparison. */
function nativeJudge(dir: string, { problem, source }: Job): void {
  const framed = frameSubmission(problem, { language: 'python', source });
  if (!framed.ok) throw new Error(framed.why);
  const validator = problem.outputValidator!;
  writeFileSync(join(dir, 'solution.py'), framed.submission.source);
  writeFileSync(join(dir, validator.entry), validator.files[validator.entry]!);
  for (const test of problem.tests) {
    const run = spawnSync('python3', [join(dir, 'solution.py')], { input: test.input, encoding: 'utf8' });
    writeFileSync(join(dir, 'input'), test.input);
    writeFileSync(join(dir, 'answer'), test.answer);
    const check = spawnSync(
      'python3',
      [join(dir, validator.entry), join(dir, 'input'), join(dir, 'answer'), `${dir}/`, ...validator.flags],
      { input: run.stdout, encoding: 'utf8' },
    );
    if (run.status !== 0 || check.status !== 42) return;
  }
}

const perMinute = (count: number, ms: number): string => `${((count * 60_000) / ms).toFixed(0)}/min`;

export const evalSection: BenchSection = {
  name: 'Eval throughput',
  async run(print) {
    const all = await jobs();
    print(
      `${all.length} judgements of LiveCodeBench fixture candidates (stdin and method-call problems, ${all[0]!.problem.tests.length}–4 tests each).`,
    );
    print('');
    print('| judging | judged candidates | native python3 judge | ratio |');
    print('| --- | --- | --- | --- |');
    for (const judges of [1, 2]) {
      const executor = createNodeExecutor({ concurrency: judges });
      await executor.warmUp('python');
      const [, ours] = await timed(() =>
        pool(all, judges, async (job) => void (await executor.judge(job.problem, { language: 'python', source: job.source }))),
      );
      await executor.dispose();
      const dir = mkdtempSync(join(tmpdir(), 'critique-lab-bench-'));
      const dirs = Array.from({ length: judges }, (_, i) => mkdtempSync(join(dir, `lane${i}-`)));
      let lane = 0;
      const [, native] = await timed(() => pool(all, judges, (job) => nativeJudge(dirs[lane++ % judges]!, job)));
      rmSync(dir, { recursive: true, force: true });
      print(
        `| --judges ${judges} | ${perMinute(all.length, ours)} | ${perMinute(all.length, native)} | ${(ours / native).toFixed(2)}× the time |`,
      );
    }
    const server = await startLiveCodeBenchModel();
    const out = mkdtempSync(join(tmpdir(), 'critique-lab-bench-eval-'));
    try {
      const k = 4;
      const [code, ms] = await timed(() =>
        evalCommand.run([
          '--endpoint',
          server.url,
          '--model',
          MODEL,
          '--problems',
          FIXTURE,
          '--k',
          String(k),
          '--m',
          '1',
          '--out',
          out,
          '--quiet',
          '--judges',
          '1',
        ]),
      );
      print('');
      print(
        `Whole eval (k = ${k}, m = 1, 4 problems, instant server, --judges 1): ${(ms / 1000).toFixed(1)} s, ${perMinute(4 * k, ms)} candidates generated, critiqued and judged (exit ${code}).`,
      );
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    }
  },
};
