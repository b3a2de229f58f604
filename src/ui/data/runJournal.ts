/**
 * Every pipeline event of a run is written to IndexedDB as it happens, so a reload or a crash in
 * the middle of a run loses nothing: the run reopens at its last written event, marked
 * interrupted. A separate database from the finished-runs history (runHistory.ts), so the two
 * evolve apart. Only the newest few journals are kept; finished runs live on in the history.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PipelineEvent } from '../../core/pipeline/pipelineEvent';

export type JournalStatus = 'running' | 'finished' | 'interrupted';

export interface JournalEntry {
  runId: string;
  /** Where the run came from, to show the same problem and source again. */
  problemId: string;
  source: string;
  startedAt: string;
  status: JournalStatus;
}

interface JournalSchema extends DBSchema {
  runs: { key: string; value: JournalEntry; indexes: { startedAt: string } };
  events: { key: [string, number]; value: { runId: string; seq: number; event: PipelineEvent } };
}

export const JOURNAL_DB_NAME = 'critique-lab-journal';
/** Journals kept; older ones are dropped when a new run starts. */
const KEPT_JOURNALS = 5;

export class RunJournal {
  private db: Promise<IDBPDatabase<JournalSchema>> | null = null;

  private open(): Promise<IDBPDatabase<JournalSchema>> {
    this.db ??= openDB<JournalSchema>(JOURNAL_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('runs', { keyPath: 'runId' }).createIndex('startedAt', 'startedAt');
        db.createObjectStore('events', { keyPath: ['runId', 'seq'] });
      },
    });
    return this.db;
  }

  async begin(entry: Omit<JournalEntry, 'status'>): Promise<void> {
    const db = await this.open();
    await db.put('runs', { ...entry, status: 'running' });
    const all = await db.getAllFromIndex('runs', 'startedAt');
    for (const old of all.slice(0, Math.max(0, all.length - KEPT_JOURNALS))) await this.remove(old.runId);
  }

  /** Appends events in one transaction, in order, after the ones already written. */
  async append(runId: string, firstSeq: number, events: readonly PipelineEvent[]): Promise<void> {
    const tx = (await this.open()).transaction('events', 'readwrite');
    events.forEach((event, i) => void tx.store.put({ runId, seq: firstSeq + i, event }));
    await tx.done;
  }

  async setStatus(runId: string, status: JournalStatus): Promise<void> {
    const db = await this.open();
    const entry = await db.get('runs', runId);
    if (entry) await db.put('runs', { ...entry, status });
  }

  async entry(runId: string): Promise<JournalEntry | undefined> {
    return (await this.open()).get('runs', runId);
  }

  /** The run's events in the order they happened. */
  async events(runId: string): Promise<PipelineEvent[]> {
    const rows = await (await this.open()).getAll('events', IDBKeyRange.bound([runId, 0], [runId, Infinity]));
    return rows.map((row) => row.event);
  }

  /** Runs still marked running belong to a page that is gone: they were interrupted. */
  async markInterrupted(): Promise<void> {
    const db = await this.open();
    for (const entry of await db.getAll('runs')) if (entry.status === 'running') await db.put('runs', { ...entry, status: 'interrupted' });
  }

  private async remove(runId: string): Promise<void> {
    const tx = (await this.open()).transaction(['runs', 'events'], 'readwrite');
    void tx.objectStore('runs').delete(runId);
    void tx.objectStore('events').delete(IDBKeyRange.bound([runId, 0], [runId, Infinity]));
    await tx.done;
  }
}
