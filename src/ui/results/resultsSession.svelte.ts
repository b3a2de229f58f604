/**
 * The Results view's state: the eval output on screen (read from a picked folder or a zip by the
 * core reader) and what went wrong opening one. A failed open keeps the output already shown.
 */
import { EvalOutputError, readEvalOutput, type EvalOutput, type EvalOutputEntry } from '../../core/results/evalOutputReader';
import { readEvalOutputZip } from '../../core/results/evalOutputZip';
import { pickedFolderEntries } from '../problems/folderEntries';

export class ResultsSession {
  output = $state.raw<EvalOutput | null>(null);
  error = $state<string | null>(null);
  reading = $state(false);

  /** A folder from `<input webkitdirectory>`: paths start with the folder's own name. */
  openFolder(files: FileList | File[]): Promise<void> {
    const list = [...files];
    const name = list[0]?.webkitRelativePath.split('/')[0] || 'the folder';
    return this.open(() => pickedFolderEntries(list), name);
  }

  openZip(file: File): Promise<void> {
    return this.open(async () => readEvalOutputZip(new Uint8Array(await file.arrayBuffer())), file.name);
  }

  private async open(entries: () => EvalOutputEntry[] | Promise<EvalOutputEntry[]>, name: string): Promise<void> {
    this.error = null;
    this.reading = true;
    try {
      this.output = await readEvalOutput(await entries(), name);
    } catch (error) {
      const why = error instanceof EvalOutputError ? error.message : `${name} could not be read: ${(error as Error).message}`;
      this.error = why;
    } finally {
      this.reading = false;
    }
  }
}
