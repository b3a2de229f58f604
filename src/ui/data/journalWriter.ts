/**
 * Feeds one run's pipeline events to the journal as they happen. While a write is in flight,
 * newer events queue up and go in the next transaction, so a fast run (a replay at "instant")
 * costs a handful of transactions, not one per token — and nothing is reordered or skipped.
 */
import type { PipelineEvent } from '../../core/pipeline/pipelineEvent';
import type { RunJournal } from './runJournal';

export class JournalWriter {
  private queue: PipelineEvent[] = [];
  private written = 0;
  private flushing: Promise<void> | null = null;
  /** Set when a write fails (storage full, database blocked): the run goes on, unjournaled. */
  failure: Error | null = null;

  constructor(
    private readonly journal: RunJournal,
    private readonly runId: string,
  ) {}

  record(event: PipelineEvent): void {
    if (this.failure) return;
    this.queue.push(event);
    this.flushing ??= this.flush();
  }

  /** Resolves when every recorded event is written. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.journal.append(this.runId, this.written, batch);
        this.written += batch.length;
      }
    } catch (error) {
      this.failure = error as Error;
      this.queue = [];
    } finally {
      this.flushing = null;
    }
  }
}
