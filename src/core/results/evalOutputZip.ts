/**
 * A zip of an eval output folder, as entries for readEvalOutput. Only the files the reader takes
 * (metrics.json, journal.jsonl, *.run.json) are inflated; report.html, metrics.md and anything else
 * are skipped unread. Inflation is watched as it happens, whatever the headers claim: an entry that
 * inflates past the compression-ratio cap (a zip bomb) or an archive past the total cap is stopped
 * with the file named.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { isRecordFileName, JOURNAL_FILE, METRICS_FILE } from './evalOutputFiles';
import { EvalOutputError, type EvalOutputEntry } from './evalOutputReader';

const EVAL_ZIP_LIMITS = {
  /** Everything inflated together: a 279-problem eval at k = 100 with long traces stays well under it. */
  totalBytes: 1024 * 2 ** 20,
  /** An entry inflating to more than this many times its compressed size (past 1 MiB) is refused. */
  compressionRatio: 200,
} as const;

const RATIO_FLOOR_BYTES = 2 ** 20;

const wanted = (name: string): boolean => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base === METRICS_FILE || base === JOURNAL_FILE || isRecordFileName(base);
};

export function readEvalOutputZip(zip: Uint8Array): EvalOutputEntry[] {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let entries = 0;
  let failure: EvalOutputError | undefined;
  const unzip = new Unzip((file) => {
    entries++;
    if (!wanted(file.name) || failure) return;
    let size = 0;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new EvalOutputError(`${file.name} in the zip cannot be inflated (${error.message})`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      parts.push(chunk);
      const compressed = Math.max(1, file.size ?? zip.length);
      if (size > RATIO_FLOOR_BYTES && size > EVAL_ZIP_LIMITS.compressionRatio * compressed) {
        failure = new EvalOutputError(
          `${file.name} inflates to more than ${EVAL_ZIP_LIMITS.compressionRatio}× its compressed size: refused as a zip bomb`,
        );
      } else if (total > EVAL_ZIP_LIMITS.totalBytes) {
        failure = new EvalOutputError(
          `the zip inflates to more than ${EVAL_ZIP_LIMITS.totalBytes / 2 ** 20} MiB (at ${file.name}): open the folder instead`,
        );
      }
      if (failure) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zip, true);
  } catch (error) {
    failure ??= new EvalOutputError(`not a readable zip archive (${(error as Error).message})`);
  }
  if (failure) throw failure;
  if (entries === 0) throw new EvalOutputError('the zip archive is empty or not a zip archive');
  return [...chunks].map(([path, parts]) => {
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return { path, size: bytes.length, bytes: () => Promise.resolve(bytes) };
  });
}
