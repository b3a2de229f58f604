/**
 * The eval's progress output: on a terminal one line redrawn in place (carriage return, erase)
 * with the bar and the counts; elsewhere plain lines, one per finished problem; nothing when quiet.
 */
import { describe, expect, it } from 'vitest';
import { EvalProgress, formatDuration } from '../../../../src/cli/eval/evalProgress';
import type { RunRecord } from '../../../../src/core/record/runRecord';

const record = { problem: { id: 'lcb-1' }, status: 'complete', metrics: { correct: 1, n: 2, passAt1: 0.5 } } as unknown as RunRecord;
const generation = { type: 'generation-done', candidate: 0, generation: {} } as const;

function sink(isTTY: boolean): { isTTY: boolean; text: string; write(t: string): void } {
  return {
    isTTY,
    text: '',
    write(t) {
      this.text += t;
    },
  };
}

describe('EvalProgress', () => {
  it('writes plain lines per finished problem when not on a terminal', () => {
    const out = sink(false);
    const progress = new EvalProgress({ problems: 2, k: 2, m: 1 }, out, false);
    progress.onEvent(generation as never);
    progress.onAnswered({ promptTokens: 5, reasoningTokens: 100, answerTokens: 20, finishReason: 'stop', ms: 1 });
    progress.problemFinished(record);
    expect(out.text).toMatch(
      /^\[1\/2\] lcb-1: complete, 1\/2 correct, pass@1 50\.0% · generated 1\/4 · critiqued 0 · judged 0 · \d+ tok\/s · ETA \S+\n$/,
    );
    expect(out.text).not.toContain('\r');
  });

  it('redraws one status line with a bar on a terminal', () => {
    const out = sink(true);
    const progress = new EvalProgress({ problems: 2, k: 2, m: 1 }, out, false);
    progress.problemFinished(record);
    progress.note('retry 1/5');
    expect(out.text).toContain('\r\x1b[K[##########----------] 1/2 problems · generated 0/4');
    expect(out.text).toContain('\r\x1b[Kretry 1/5\n');
  });

  it('says nothing when quiet', () => {
    const out = sink(true);
    const progress = new EvalProgress({ problems: 1, k: 1, m: 1 }, out, true);
    progress.problemFinished(record);
    progress.note('x');
    expect(out.text).toBe('');
  });

  it('formats durations for an ETA', () => {
    expect([formatDuration(42), formatDuration(125), formatDuration(3 * 3600 + 7 * 60), formatDuration(Infinity)]).toEqual([
      '42s',
      '2m05s',
      '3h07m',
      '—',
    ]);
  });
});
