/**
 * "Bundled problems": every labelled submission of public/problems judged natively (g++ -O2
 * -std=c++17 / python3 under the problem's own limit, CPU time, as a contest judge counts it) and
 * by our Node executor (under the problem's limit times the language's multiplier), in the same
 * run. Shows that each label is the verdict a real judge gives, and how much headroom each side
 * has: an accepted program's slowest test against its limit, and the ratio of our time to native
 * where both ran to the end. tests/unit/content/bundledSubmissions.test.ts asserts our verdicts;
 * here a native verdict that differs from the label is only marked (≠).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeLimitMs } from '../src/core/judging/languageTimeLimits';
import { languageFromFileName } from '../src/core/problem/language';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';
import { readProblemDir } from '../src/exec/node/problemDir';
import { NativeJudge, nativeEquivalent } from '../tests/fixtures/parity/nativeJudge';
import { type BenchSection, fmt, loadAverageLine } from './benchSection';

const PROBLEMS = 'public/problems';
const LABELS: Record<string, string> = { accepted: 'AC', wrong_answer: 'WA', time_limit_exceeded: 'TLE', run_time_error: 'RTE' };
const FINISHED = new Set(['AC', 'WA']);

export const bundledSection: BenchSection = {
  name: 'Bundled problems: labelled submissions, native and ours',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-bundled-bench-'));
    const native = new NativeJudge(dir);
    const executor = createNodeExecutor({ concurrency: 1 });
    try {
      await Promise.all([executor.warmUp('python'), executor.warmUp('cpp')]);
      print(
        'Slowest test: native is CPU time (start-up included: python3 ~20 ms); ours is the run time in its worker. A TLE stops at the limit.',
      );
      print('');
      print('| submission | label | native: verdict, slowest | ours: verdict, slowest / limit | ours ÷ native |');
      print('| --- | --- | --- | --- | --- |');
      for (const problemId of readdirSync(PROBLEMS, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()) {
        const problem = await readProblemDir(join(PROBLEMS, problemId));
        const root = join(PROBLEMS, problemId, 'submissions');
        for (const folder of readdirSync(root).sort()) {
          for (const file of readdirSync(join(root, folder)).sort()) {
            const language = languageFromFileName(file);
            if (!language) continue;
            const source = readFileSync(join(root, folder, file), 'utf8');
            const label = LABELS[folder] ?? folder;
            const theirs = await native.judge(await native.prepare(`${problemId}-${file.replace(/\W/g, '_')}`, language, source), problem);
            const ours = await executor.judge(problem, { language, source });
            const nativeMs = Math.max(0, ...theirs.tests.map((t) => t.ms));
            const oursMs = Math.max(0, ...ours.tests.map((t) => t.ms));
            const both = FINISHED.has(theirs.verdict) && FINISHED.has(ours.verdict) && nativeMs > 0;
            const mark = (verdict: string) => (verdict === label ? verdict : `${verdict} ≠`);
            print(
              `| ${problemId}/${folder}/${file} | ${label} | ${mark(theirs.verdict)}, ${fmt(nativeMs)} / ${fmt(problem.limits.timeSeconds * 1000)} | ${mark(nativeEquivalent(ours.verdict))}, ${fmt(oursMs)} / ${fmt(timeLimitMs(problem.limits, language))} | ${both ? `${(oursMs / nativeMs).toFixed(2)}×` : '—'} |`,
            );
          }
        }
      }
      print('');
      print(loadAverageLine());
    } finally {
      await executor.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
