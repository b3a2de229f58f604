/**
 * Runs a problem's own output validator (Kattis protocol) on a submission's outputs, one test at a
 * time: `validator /judge/input /judge/answer /judge/feedback/ [flags…] < output`. The validator
 * is untrusted code like the submission: it is prepared (compiled, syntax-checked) and run in the
 * same sandbox, on its own pool, in a fresh worker per submission, under the package's validation
 * limits. The exit status decides (validatorVerdict.ts); judgemessage.txt becomes the detail.
 */
import type { TestCase, OutputValidatorProgram } from '../core/problem/problem';
import { validatorVerdict, type ValidatorVerdict } from '../core/judging/validatorVerdict';
import type { JudgeSession, OpenSession, ProgramSource } from './judgeSession';
import type { RunFiles, RunLimits } from './runtime/runOutcome';

/** Where the validator finds its files (an in-memory tree: nothing touches a disk). */
export const VALIDATOR_PATHS = {
  input: '/judge/input',
  answer: '/judge/answer',
  feedbackDir: '/judge/feedback',
  ownFiles: '/judge/validator',
} as const;

const JUDGE_MESSAGE = 'judgemessage.txt';

export class CustomValidation {
  private session: Promise<JudgeSession> | undefined;
  private readonly limits: RunLimits;
  private readonly name: string;

  constructor(
    private readonly open: OpenSession,
    private readonly validator: OutputValidatorProgram,
  ) {
    this.limits = {
      timeMs: Math.round(validator.limits.timeSeconds * 1000),
      memoryBytes: Math.round(validator.limits.memoryMiB * 2 ** 20),
      outputBytes: Math.round(validator.limits.outputMiB * 2 ** 20),
    };
    this.name = `${validator.folder}${validator.entry}`;
  }

  /** The verdict for one test's output (AC, WA or JE); rejects only when aborted. */
  async check(test: TestCase, output: string, signal?: AbortSignal): Promise<ValidatorVerdict> {
    this.session ??= this.open(this.program(), this.limits, signal, 'validator');
    let session: JudgeSession;
    try {
      session = await this.session;
    } catch (error) {
      signal?.throwIfAborted();
      return {
        verdict: 'JE',
        detail: `Judge error: the output validator ${this.name} could not be started: ${(error as Error)?.message ?? error}`,
      };
    }
    if (!session.compile.ok) {
      return {
        verdict: 'JE',
        detail: `Judge error: the output validator ${this.name} does not compile: ${session.compile.stderr.slice(0, 1000)}`,
      };
    }
    const encoder = new TextEncoder();
    const outcome = await session.run(encoder.encode(output), this.limits, signal, this.files(test));
    const late = outcome.status === 'ok' || outcome.status === 'exit' ? outcome.ms > this.limits.timeMs : false;
    const status = late ? 'timeout' : outcome.status;
    const judgeMessage = outcome.written?.[JUDGE_MESSAGE];
    return validatorVerdict({ ...outcome, status, ...(judgeMessage !== undefined ? { judgeMessage } : {}) }, this.name);
  }

  close(): void {
    void this.session?.then(
      (s) => s.close(),
      () => undefined,
    );
  }

  private program(): ProgramSource {
    const { language, entry, files } = this.validator;
    const companions = Object.fromEntries(Object.entries(files).filter(([path]) => path !== entry));
    return { language, source: files[entry]!, sourceName: entry, companions };
  }

  private files(test: TestCase): RunFiles {
    const encoder = new TextEncoder();
    const readable: Record<string, Uint8Array> = {
      [VALIDATOR_PATHS.input]: encoder.encode(test.input),
      [VALIDATOR_PATHS.answer]: encoder.encode(test.answer),
    };
    // A Python validator may import its own helper modules: they sit beside it.
    if (this.validator.language === 'python') {
      for (const [path, text] of Object.entries(this.validator.files))
        readable[`${VALIDATOR_PATHS.ownFiles}/${path}`] = encoder.encode(text);
    }
    return {
      args: [VALIDATOR_PATHS.input, VALIDATOR_PATHS.answer, `${VALIDATOR_PATHS.feedbackDir}/`, ...this.validator.flags],
      readable,
      writableDir: VALIDATOR_PATHS.feedbackDir,
    };
  }
}
