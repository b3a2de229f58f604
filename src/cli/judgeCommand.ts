/**
 * `critique-lab judge <problem-dir> <submission.py|.cpp|.cc> [--json] [--all] [--samples] [--allow-network]`:
 * judges one program against a Kattis problem package with the same executors the browser uses.
 * With --json, prints exactly one JSON object (the JudgeResult plus problem and language).
 * Exit status: 0 accepted, 1 any other verdict, 2 usage or package errors.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { VERDICT_LABEL, type JudgeResult } from '../core/judging/judgeResult';
import { LANGUAGE_LABEL, languageFromFileName } from '../core/problem/language';
import { problemNotes } from '../core/problem/problemNotes';
import { timeLimitMs } from '../core/judging/languageTimeLimits';
import { createNodeExecutor } from '../exec/node/nodeExecutor';
import { readProblemDir } from '../exec/node/problemDir';
import { resolveTimeLimit } from '../exec/timeLimitFromAcceptedRuns';
import type { Subcommand } from './subcommand';

const USAGE = 'critique-lab judge <problem-dir> <submission.py|.cpp|.cc> [--json] [--all] [--samples] [--allow-network]';

export const judgeCommand: Subcommand = {
  summary:
    "Judge a Python or C++ program against a Kattis problem package (verdicts AC WA TLE MLE OLE RTE CE, JE when the package's validator fails).",
  usage: `${USAGE}\n  --json     print one JSON object\n  --all      run every test even after a failure\n  --samples  run only the sample tests\n  --allow-network  let the program open network connections where this system cannot cut it off (it still gets no files, processes or workers)`,
  async run(args) {
    const flags = new Set(args.filter((a) => a.startsWith('--')));
    const positional = args.filter((a) => !a.startsWith('--'));
    const unknown = [...flags].filter((f) => !['--json', '--all', '--samples', '--allow-network'].includes(f));
    const json = flags.has('--json');
    const fail = (message: string): number => {
      if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
      else process.stderr.write(`critique-lab judge: ${message}\nusage: ${USAGE}\n`);
      return 2;
    };
    if (unknown.length > 0) return fail(`unknown option ${unknown.join(', ')}`);
    if (positional.length !== 2) return fail('expected a problem folder and a submission file');
    const [problemDir, submissionPath] = positional as [string, string];
    const language = languageFromFileName(submissionPath);
    if (!language) return fail(`cannot tell the language of ${basename(submissionPath)}: use .py, .cpp or .cc`);

    let problem;
    let source;
    try {
      problem = await readProblemDir(problemDir);
      source = await readFile(submissionPath, 'utf8');
    } catch (error) {
      return fail((error as Error).message);
    }

    let executor;
    try {
      executor = createNodeExecutor({ concurrency: 1, network: flags.has('--allow-network') ? 'open' : 'isolated' });
    } catch (error) {
      return fail((error as Error).message);
    }
    try {
      const resolution = await resolveTimeLimit(executor, problem);
      problem = resolution.problem;
      const notes = problemNotes(problem);
      if (!json) process.stderr.write([resolution.explanation, ...notes.map((n) => n.text)].map((line) => `${line}\n`).join(''));
      const result = await executor.judge(
        problem,
        { language, source },
        {
          runAll: flags.has('--all'),
          ...(flags.has('--samples') ? { groups: ['sample' as const] } : {}),
          onTest: json ? undefined : (t) => process.stderr.write(`  ${t.verdict.padEnd(3)} ${t.name} (${t.ms} ms)\n`),
        },
      );
      if (json) {
        const limitMs = timeLimitMs(problem.limits, language);
        const timeLimit = {
          timeLimitMs: limitMs,
          timeLimitSeconds: problem.limits.timeSeconds,
          timeLimitSource: problem.limits.timeSource ?? 'package',
          timeLimitExplanation: resolution.explanation,
        };
        const shown = notes.length > 0 ? { notes: notes.map((n) => n.text) } : {};
        process.stdout.write(`${JSON.stringify({ problem: problem.id, language, ...timeLimit, ...shown, ...result })}\n`);
      } else {
        process.stdout.write(summary(result, problem.title, LANGUAGE_LABEL[language]));
      }
      return result.verdict === 'AC' ? 0 : 1;
    } catch (error) {
      return fail((error as Error).message);
    } finally {
      await executor.dispose();
    }
  },
};

function summary(result: JudgeResult, title: string, language: string): string {
  const lines = [
    `${result.verdict} — ${VERDICT_LABEL[result.verdict]} (${title}, ${language}): ${result.passed}/${result.total} tests passed`,
  ];
  if (result.compile && !result.compile.ok) lines.push(result.compile.stderr);
  const failed = result.tests.find((t) => t.verdict !== 'AC');
  if (failed?.detail) lines.push(`${failed.name}: ${failed.detail}`);
  if (failed?.stderrHead) lines.push(failed.stderrHead.trimEnd());
  return `${lines.join('\n')}\n`;
}
