/**
 * The Kattis output-validator protocol's verdict rule, as a pure function: a validator run exits
 * 42 (accepted) or 43 (wrong answer); anything else — another exit status, a crash, a time or
 * memory limit, a validator that does not compile — is a judge error (JE), which says nothing
 * about the program and is never counted as AC or WA. `judgemessage.txt`, which the validator may
 * write into its feedback folder, becomes the test's detail.
 */
import type { Verdict } from './judgeResult';

export const VALIDATOR_ACCEPT_EXIT = 42;
export const VALIDATOR_REJECT_EXIT = 43;

/** What the judge needs to know about one validator run (a subset of the runtime's RunOutcome). */
export interface ValidatorRun {
  status: 'ok' | 'exit' | 'crash' | 'timeout' | 'memory' | 'output';
  exitCode?: number;
  message?: string;
  stderr: string;
  /** judgemessage.txt from the feedback folder, when the validator wrote one. */
  judgeMessage?: string;
}

export interface ValidatorVerdict {
  verdict: Extract<Verdict, 'AC' | 'WA' | 'JE'>;
  detail?: string;
}

const SHOWN_CHARS = 1000;

export function validatorVerdict(run: ValidatorRun, validatorName: string): ValidatorVerdict {
  const message = run.judgeMessage?.trim() ? clip(run.judgeMessage.trim()) : undefined;
  if (run.status === 'exit' && run.exitCode === VALIDATOR_ACCEPT_EXIT) return { verdict: 'AC', ...(message ? { detail: message } : {}) };
  if (run.status === 'exit' && run.exitCode === VALIDATOR_REJECT_EXIT)
    return { verdict: 'WA', detail: message ?? 'Wrong answer (the output validator rejected the output).' };
  const why = judgeErrorReason(run);
  const stderr = run.stderr.trim() ? ` stderr: ${clip(run.stderr.trim())}` : '';
  return {
    verdict: 'JE',
    detail: `Judge error: the output validator ${validatorName} ${why}.${message ? ` judgemessage.txt: ${message}` : ''}${stderr}`,
  };
}

function judgeErrorReason(run: ValidatorRun): string {
  switch (run.status) {
    case 'ok':
      return `exited with status 0 (it must exit ${VALIDATOR_ACCEPT_EXIT} to accept or ${VALIDATOR_REJECT_EXIT} to reject)`;
    case 'exit':
      return `exited with status ${run.exitCode} (it must exit ${VALIDATOR_ACCEPT_EXIT} to accept or ${VALIDATOR_REJECT_EXIT} to reject)`;
    case 'timeout':
      return `ran past its time limit${run.message ? ` (${run.message})` : ''}`;
    case 'memory':
      return `ran out of memory${run.message ? ` (${run.message})` : ''}`;
    case 'output':
      return 'wrote more than its output limit';
    case 'crash':
      return `crashed${run.message ? ` (${run.message})` : ''}`;
  }
}

function clip(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}
