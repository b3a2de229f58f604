/**
 * Parity corpus timings (tests/fixtures/parity/): every program judged natively (g++ -O2 -std=c++17,
 * python3, under the problem's own limit) and by our Node executor, in the same run; for each
 * idiom, the slowest test's run time on both and the ratio — what the per-language time
 * multipliers must cover. Verdicts are printed beside them (the parity test asserts them; here a
 * difference is only shown). TLE, OLE and CE rows have no meaningful ratio. Programs waiting for
 * large static arrays are left out while that is pending: each would spend minutes compiling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../src/core/problem/problem';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';
import { NativeJudge, nativeEquivalent } from '../tests/fixtures/parity/nativeJudge';
import { missingFeatures, readParityCorpus } from '../tests/fixtures/parity/parityCorpus';
import { parityProblem, type ParityProblemId } from '../tests/fixtures/parity/parityProblems';
import { type BenchSection, fmt, median } from './benchSection';

const TIMED_VERDICTS = new Set(['AC', 'WA', 'RTE', 'MLE']);

export const paritySection: BenchSection = {
  name: 'Parity corpus: our judge beside native g++/python3, per idiom',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-parity-bench-'));
    const native = new NativeJudge(dir);
    const executor = createNodeExecutor({ concurrency: 1 });
    const problems = new Map<ParityProblemId, Promise<Problem>>();
    const ratios: Record<'cpp' | 'python', number[]> = { cpp: [], python: [] };
    try {
      await Promise.all([executor.warmUp('python'), executor.warmUp('cpp')]);
      print(
        "Slowest test of each program: ours is the run time in its worker (start-up excluded); native is the process's CPU time (start-up included: python3 ~20 ms).",
      );
      print('');
      print('| program | idiom | native | ours | ratio | verdicts (native / ours) |');
      print('| --- | --- | --- | --- | --- | --- |');
      for (const program of readParityCorpus()) {
        if (missingFeatures(program).includes('large-static-arrays')) {
          print(`| ${program.file} | ${program.idiom} | — | — | — | left out: compiling it takes minutes here |`);
          continue;
        }
        if (!problems.has(program.problem)) problems.set(program.problem, parityProblem(program.problem));
        const problem = await problems.get(program.problem)!;
        const prepared = await native.prepare(program.file.replace(/[/.]/g, '_'), program.language, program.source);
        const nativeResult = await native.judge(prepared, problem);
        const ours = await executor.judge(problem, { language: program.language, source: program.source });
        const nativeMs = Math.max(0, ...nativeResult.tests.map((t) => t.ms));
        const oursMs = Math.max(0, ...ours.tests.map((t) => t.ms));
        const timed = TIMED_VERDICTS.has(ours.verdict) && TIMED_VERDICTS.has(nativeResult.verdict) && nativeMs > 0;
        if (timed) ratios[program.language].push(oursMs / nativeMs);
        const same = nativeResult.verdict === nativeEquivalent(ours.verdict) ? '' : ' ≠';
        print(
          `| ${program.file} | ${program.idiom} | ${fmt(nativeMs)} | ${fmt(oursMs)} | ${timed ? `${(oursMs / nativeMs).toFixed(2)}×` : '—'} | ${nativeResult.verdict} / ${ours.verdict}${same} |`,
        );
      }
      print('');
      for (const language of ['cpp', 'python'] as const) {
        const values = ratios[language];
        if (values.length > 0)
          print(
            `- ${language === 'cpp' ? 'C++' : 'Python'}: median ratio ${median(values).toFixed(2)}×, largest ${Math.max(...values).toFixed(2)}× over ${values.length} timed programs`,
          );
      }
    } finally {
      await executor.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
