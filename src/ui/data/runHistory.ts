/**
 * Finished runs are kept in IndexedDB so closing the tab loses nothing. Records are stored as
 * their canonical text, so a run saved, reopened and exported is byte-identical to the original.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseRunRecord, serializeRunRecord } from '../../core/record/runRecordCodec';
import type { RunRecord } from '../../core/record/runRecord';

export interface SavedRunSummary {
  id: string;
  /** The problem the run was made on, so the Demo can offer it as a replay there. */
  problemId: string;
  title: string;
  createdAt: string;
  provenance: RunRecord['provenance']['kind'];
  /** Complete, aborted or failed: an aborted run is listed as such, never as a result. */
  status: RunRecord['status'];
}

interface HistorySchema extends DBSchema {
  runs: {
    key: string;
    value: Omit<SavedRunSummary, 'status' | 'problemId'> & { status?: SavedRunSummary['status']; problemId?: string; text: string };
    indexes: { createdAt: string };
  };
}

export const HISTORY_DB_NAME = 'critique-lab';

export class RunHistory {
  private db: Promise<IDBPDatabase<HistorySchema>> | null = null;

  private open(): Promise<IDBPDatabase<HistorySchema>> {
    this.db ??= openDB<HistorySchema>(HISTORY_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      },
    });
    return this.db;
  }

  async save(record: RunRecord): Promise<void> {
    const db = await this.open();
    await db.put('runs', {
      id: record.id,
      problemId: record.problem.id,
      title: `${record.problem.title} · ${record.model.label} · k=${record.settings.k}`,
      createdAt: record.createdAt,
      provenance: record.provenance.kind,
      status: record.status,
      text: serializeRunRecord(record),
    });
  }

  /** Newest first. */
  async list(): Promise<SavedRunSummary[]> {
    const db = await this.open();
    const all = await db.getAllFromIndex('runs', 'createdAt');
    return all.reverse().map(({ id, title, createdAt, provenance, status, problemId, text }) => {
      const older = status === undefined || problemId === undefined ? summaryIn(text) : null;
      return { id, problemId: problemId ?? older!.problemId, title, createdAt, provenance, status: status ?? older!.status };
    });
  }

  async load(id: string): Promise<RunRecord> {
    const entry = await (await this.open()).get('runs', id);
    if (!entry) throw new Error('That saved run no longer exists.');
    return parseRunRecord(entry.text);
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('runs', id);
  }
}

/** Entries saved before the summary kept the status and problem: read them from the record's text. */
function summaryIn(text: string): Pick<SavedRunSummary, 'status' | 'problemId'> {
  try {
    const record = parseRunRecord(text);
    return { status: record.status, problemId: record.problem.id };
  } catch {
    return { status: 'failed', problemId: '' };
  }
}
