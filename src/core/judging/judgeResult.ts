/**
 * What judging one candidate program produced, with Kattis verdict semantics (docs/judging.md).
 * The zod schemas are the single source of these shapes: the run record embeds them and the
 * TypeScript types are inferred from them.
 */
import { z } from 'zod';

/**
 * JE (judge error): the problem's own output validator failed (crashed, timed out, exited with
 * neither 42 nor 43, or did not compile). It says nothing about the program: never AC, never WA.
 */
export const VERDICTS = ['AC', 'WA', 'TLE', 'MLE', 'OLE', 'RTE', 'CE', 'JE'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABEL: Record<Verdict, string> = {
  AC: 'Accepted',
  WA: 'Wrong answer',
  TLE: 'Time limit exceeded',
  MLE: 'Memory limit exceeded',
  OLE: 'Output limit exceeded',
  RTE: 'Run-time error',
  CE: 'Compile error',
  JE: 'Judge error',
};

export const CompileResultSchema = z.object({
  ok: z.boolean(),
  stderr: z.string(),
  ms: z.number().min(0),
  /** True when the compiled binary came from the compile cache. */
  cached: z.boolean().optional(),
});
export type CompileResult = z.infer<typeof CompileResultSchema>;

export const TestResultSchema = z.object({
  name: z.string(),
  verdict: z.enum(VERDICTS),
  ms: z.number().min(0),
  /** First bytes of what the program printed, for display. */
  stdoutHead: z.string(),
  stderrHead: z.string(),
  /**
   * Why: the default validator's first difference (WA), the custom validator's judgemessage.txt
   * (AC or WA), what went wrong with the validator (JE), or the limit that was hit.
   */
  detail: z.string().optional(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

export const JudgeResultSchema = z.object({
  /** First failing test's verdict in test order (samples first); AC when all pass. */
  verdict: z.enum(VERDICTS),
  compile: CompileResultSchema.optional(),
  tests: z.array(TestResultSchema),
  /** Tests passed / tests run; with `runAll`, the fraction over every test. */
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type JudgeResult = z.infer<typeof JudgeResultSchema>;

/** Kattis: a submission's verdict is the first non-AC test verdict in order. */
export function overallVerdict(tests: readonly TestResult[]): Verdict {
  return tests.find((t) => t.verdict !== 'AC')?.verdict ?? 'AC';
}
