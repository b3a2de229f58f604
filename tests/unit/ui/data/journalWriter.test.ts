/**
 * The journal writer's ordering under a slow store: events that arrive while a write is in flight
 * go in the next write, in order, with consecutive sequence numbers — none lost, none reordered.
 * (IndexedDB itself is exercised in Chromium by tests/e2e/runJournal.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../../../../src/core/pipeline/pipelineEvent';
import { JournalWriter } from '../../../../src/ui/data/journalWriter';
import type { RunJournal } from '../../../../src/ui/data/runJournal';

/** A store whose every write takes a few milliseconds, recording what reached it. */
function slowStore(failAt?: number) {
  const writes: { firstSeq: number; events: PipelineEvent[] }[] = [];
  const journal = {
    async append(_runId: string, firstSeq: number, events: readonly PipelineEvent[]) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failAt !== undefined && writes.length === failAt) throw new DOMException('full', 'QuotaExceededError');
      writes.push({ firstSeq, events: [...events] });
    },
  } as unknown as RunJournal;
  return { journal, writes };
}

const delta = (i: number): PipelineEvent => ({ type: 'generation-delta', candidate: 0, content: `token ${i} ` });

describe('JournalWriter', () => {
  it('writes every event once, in order, batching those that arrive during a write', async () => {
    const { journal, writes } = slowStore();
    const writer = new JournalWriter(journal, 'run-1');
    for (let i = 0; i < 50; i++) {
      writer.record(delta(i));
      if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await writer.settled();
    expect(writes.flatMap((w) => w.events)).toEqual(Array.from({ length: 50 }, (_, i) => delta(i)));
    let next = 0;
    for (const write of writes) {
      expect(write.firstSeq).toBe(next);
      next += write.events.length;
    }
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(50);
  });

  it('a failing store stops journaling without throwing into the run, and says why', async () => {
    const { journal, writes } = slowStore(1);
    const writer = new JournalWriter(journal, 'run-2');
    writer.record(delta(0));
    await writer.settled();
    writer.record(delta(1));
    await writer.settled();
    writer.record(delta(2));
    await writer.settled();
    expect(writes.flatMap((w) => w.events)).toEqual([delta(0)]);
    expect(writer.failure?.name).toBe('QuotaExceededError');
  });
});
