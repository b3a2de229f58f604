/**
 * Problem packages the user imported, kept in this browser (IndexedDB, a database of their own):
 * the package's files as text — exactly what the reader accepted — and its statement's images as
 * bytes, plus a time limit derived at import when the package states none. Listed with the bundled problems, deletable, exportable.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface ImportedProblemRecord {
  id: string;
  title: string;
  importedAt: string;
  /** What was imported: the folder's or the zip's name. */
  origin: string;
  /** Package files by path (packageFiles.ts), as the reader accepted them. */
  files: Record<string, string>;
  /** The statement's image files by path (statementImages.ts); absent when it has none. */
  images?: Record<string, Uint8Array>;
  /** When the package states no time limit and one was derived from its accepted submissions. */
  derivedTimeSeconds?: number;
  /** Where the time limit came from, in words (shown in the list). */
  timeLimitNote: string;
}

export type ImportedProblemSummary = Omit<ImportedProblemRecord, 'files' | 'images'>;

interface ProblemsSchema extends DBSchema {
  problems: { key: string; value: ImportedProblemRecord };
}

export const PROBLEMS_DB_NAME = 'critique-lab-problems';

export class ImportedProblemStore {
  private db: Promise<IDBPDatabase<ProblemsSchema>> | null = null;

  private open(): Promise<IDBPDatabase<ProblemsSchema>> {
    this.db ??= openDB<ProblemsSchema>(PROBLEMS_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('problems', { keyPath: 'id' });
      },
    });
    return this.db;
  }

  async list(): Promise<ImportedProblemSummary[]> {
    const all = await (await this.open()).getAll('problems');
    return all.map(({ files: _files, images: _images, ...summary }) => summary).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }

  async get(id: string): Promise<ImportedProblemRecord | undefined> {
    return (await this.open()).get('problems', id);
  }

  async put(record: ImportedProblemRecord): Promise<void> {
    await (await this.open()).put('problems', record);
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete('problems', id);
  }
}
