/**
 * The user's own problem packages: import (a folder or a .zip), keep (IndexedDB), list, delete,
 * export. An import is all or nothing: the files must pass the importer's checks and the package
 * reader before anything is stored, and any failure is shown with the file at fault. A package
 * without a time limit gets one derived from its accepted submissions, when a deriver is given.
 */
import { readKattisPackage } from '../../core/problem/kattisPackage';
import { readLiveCodeBenchFile } from '../../core/problem/liveCodeBench/liveCodeBenchFile';
import { LIVECODEBENCH_ROW_FILE, liveCodeBenchProblem } from '../../core/problem/liveCodeBench/liveCodeBenchRow';
import { collectPackageFiles, type PackageEntry } from '../../core/problem/packageImport';
import { readPackageZip } from '../../core/problem/packageZip';
import { draftFromFiles, draftPackageFiles, type ProblemDraft } from '../../core/problem/problemDraft';
import type { Problem } from '../../core/problem/problem';
import { timeLimitExplanation, withDerivedTimeLimit } from '../../core/problem/timeLimitRule';
import type { TimeLimitResolution } from '../../exec/timeLimitFromAcceptedRuns';
import { ImportedProblemStore, type ImportedProblemRecord, type ImportedProblemSummary } from '../data/importedProblems';
import { droppedFolderEntries, pickedFolderEntries } from './folderEntries';
import { downloadPackage } from './packageExport';

/** The origin recorded for problems written in the app's editor. */
export const EDITOR_ORIGIN = 'the problem editor';

export type TimeLimitDeriver = (problem: Problem) => Promise<TimeLimitResolution>;

export class ProblemLibrary {
  imported = $state<ImportedProblemSummary[]>([]);
  /** What is happening now ("Importing pair-sum.zip…"), for a status line. */
  busy = $state<string | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  notice = $state<string | undefined>(undefined);

  constructor(
    private readonly store = new ImportedProblemStore(),
    private readonly derive?: TimeLimitDeriver,
  ) {}

  async refresh(): Promise<void> {
    try {
      this.imported = await this.store.list();
    } catch (error) {
      this.error = `Could not read the imported problems: ${(error as Error).message}`;
    }
  }

  importZip(file: File, takenIds: readonly string[]): Promise<string | undefined> {
    return this.importEntries(file.name, async () => readPackageZip(new Uint8Array(await file.arrayBuffer())), takenIds);
  }

  importPickedFolder(files: FileList, takenIds: readonly string[]): Promise<string | undefined> {
    const origin = files[0]?.webkitRelativePath.split('/')[0] || 'folder';
    return this.importEntries(origin, async () => pickedFolderEntries(files), takenIds);
  }

  /** A drop: one folder or one .zip file. */
  importDrop(transfer: DataTransfer, takenIds: readonly string[]): Promise<string | undefined> {
    const entry = transfer.items[0]?.webkitGetAsEntry();
    const file = transfer.files[0];
    if (entry?.isDirectory) return this.importEntries(entry.name, () => droppedFolderEntries(entry as FileSystemDirectoryEntry), takenIds);
    if (file && /\.zip$/i.test(file.name)) return this.importZip(file, takenIds);
    if (file && /\.jsonl$/i.test(file.name)) return this.importLiveCodeBench(file, takenIds);
    this.error = 'Drop a problem package folder, a .zip of one, or a LiveCodeBench .jsonl file.';
    return Promise.resolve(undefined);
  }

  /**
   * A LiveCodeBench file (code_generation_lite rows, docs/eval.md) as a problem set: each good row
   * becomes a problem of its own, kept as its row; broken rows are skipped and named in the notice.
   * Resolves to the first new problem's id.
   */
  async importLiveCodeBench(file: File, takenIds: readonly string[]): Promise<string | undefined> {
    this.error = undefined;
    this.notice = undefined;
    this.busy = `Reading ${file.name}…`;
    try {
      const read = await readLiveCodeBenchFile(await file.text());
      const taken = [...takenIds, ...this.imported.map((p) => p.id)];
      const ids: string[] = [];
      for (const { problem, row } of read.problems) {
        const id = uniqueId(problem.id, taken);
        taken.push(id);
        ids.push(id);
        await this.store.put({
          id,
          title: problem.title,
          importedAt: new Date().toISOString(),
          origin: file.name,
          files: { [LIVECODEBENCH_ROW_FILE]: row },
          timeLimitNote: 'LiveCodeBench grading: its 6 s per test for Python (2 s × 3 here), 3 s for C++',
        });
      }
      await this.refresh();
      const skipped = read.skipped.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
      if (ids.length === 0) this.error = `Nothing was imported from ${file.name}${skipped ? `: ${skipped}` : ': it holds no rows'}.`;
      else
        this.notice = `Imported ${ids.length} problems from ${file.name}.${skipped ? ` Skipped ${read.skipped.length} rows: ${skipped}.` : ''}`;
      return ids[0];
    } catch (error) {
      this.error = `Nothing was imported from ${file.name}: ${(error as Error).message}`;
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }

  /**
   * Saves a problem written in the editor (as a package: problemDraft.ts) under `id`, or a new id
   * from its title; returns the id, or undefined when the reader refuses it (the error says why).
   */
  async saveDraft(draft: ProblemDraft, id: string | undefined, takenIds: readonly string[]): Promise<string | undefined> {
    this.error = undefined;
    this.notice = undefined;
    try {
      const own = id ?? uniqueId(draft.title, [...takenIds, ...this.imported.map((p) => p.id)]);
      const files = draftPackageFiles(draft);
      const problem = await readKattisPackage(files, own);
      await this.store.put({
        id: own,
        title: problem.title,
        importedAt: new Date().toISOString(),
        origin: EDITOR_ORIGIN,
        files: Object.fromEntries(files),
        timeLimitNote: timeLimitExplanation(problem),
      });
      await this.refresh();
      this.notice = `Saved ${problem.title} (${problem.tests.length} tests).`;
      return own;
    } catch (error) {
      this.error = `Not saved: ${(error as Error).message}`;
      return undefined;
    }
  }

  /** The draft behind a problem written in the editor, to edit it again. */
  async draft(id: string): Promise<ProblemDraft | undefined> {
    const record = await this.store.get(id);
    if (!record || record.origin !== EDITOR_ORIGIN) return undefined;
    const files = new Map(Object.entries(record.files));
    const problem = await readKattisPackage(files, id);
    return draftFromFiles(files, {
      title: problem.title,
      statement: problem.statement,
      timeSeconds: problem.limits.timeSeconds,
      memoryMiB: problem.limits.memoryMiB,
    });
  }

  async remove(id: string): Promise<void> {
    await this.store.remove(id);
    await this.refresh();
  }

  async exportPackage(id: string): Promise<void> {
    const record = await this.store.get(id);
    if (record) downloadPackage(record);
  }

  /** Reads, checks, (derives a time limit,) stores; returns the new problem's id, or undefined on failure. */
  private async importEntries(
    origin: string,
    entries: () => Promise<PackageEntry[]>,
    takenIds: readonly string[],
  ): Promise<string | undefined> {
    this.error = undefined;
    this.notice = undefined;
    this.busy = `Importing ${origin}…`;
    try {
      const id = uniqueId(origin, [...takenIds, ...this.imported.map((p) => p.id)]);
      const { files, images } = await collectPackageFiles(await entries());
      let problem = await readKattisPackage(files, id, images);
      let derivedTimeSeconds: number | undefined;
      let timeLimitNote = timeLimitExplanation(problem);
      if (problem.timeLimitRule && this.derive) {
        this.busy = `Deriving the time limit of ${origin} from its accepted submissions…`;
        const resolution = await this.derive(problem);
        problem = resolution.problem;
        timeLimitNote = resolution.explanation;
        if (problem.limits.timeSource === 'derived') derivedTimeSeconds = problem.limits.timeSeconds;
      }
      const record: ImportedProblemRecord = {
        id,
        title: problem.title,
        importedAt: new Date().toISOString(),
        origin,
        files: Object.fromEntries(files),
        timeLimitNote,
        ...(images.size > 0 ? { images: Object.fromEntries(images) } : {}),
        ...(derivedTimeSeconds !== undefined ? { derivedTimeSeconds } : {}),
      };
      await this.store.put(record);
      await this.refresh();
      this.notice = `Imported ${problem.title} (${problem.tests.length} tests). ${timeLimitNote}`;
      return id;
    } catch (error) {
      this.error = `Nothing was imported from ${origin}: ${(error as Error).message}`;
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }
}

/** An imported problem as the judge takes it (read again from its stored files). */
export async function loadImportedProblem(store: ImportedProblemStore, id: string): Promise<Problem> {
  const record = await store.get(id);
  if (!record) throw new Error(`the imported problem ${id} is no longer stored in this browser`);
  const row = record.files[LIVECODEBENCH_ROW_FILE];
  if (row !== undefined) return { ...(await liveCodeBenchProblem(JSON.parse(row))).problem, id: record.id };
  const problem = await readKattisPackage(new Map(Object.entries(record.files)), record.id, new Map(Object.entries(record.images ?? {})));
  return record.derivedTimeSeconds === undefined ? problem : withDerivedTimeLimit(problem, record.derivedTimeSeconds);
}

function uniqueId(origin: string, taken: readonly string[]): string {
  const base =
    origin
      .replace(/\.zip$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'problem';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}
