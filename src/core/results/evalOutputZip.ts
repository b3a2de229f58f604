/**
 * A zip of an eval output folder, as entries for readEvalOutput: the capped zip reader
 * (archive/cappedZip.ts) inflating only the files the reader takes (metrics.json, journal.jsonl,
 * *.run.json); report.html, metrics.md and anything else are skipped unread. An entry that passes
 * a cap (a zip bomb, an archive too large to read in the page) is refused with the file named.
 */
import { CappedZipError, readCappedZip, type ZipCaps } from '../archive/cappedZip';
import { isRecordFileName, JOURNAL_FILE, METRICS_FILE } from './evalOutputFiles';
import { EvalOutputError, type EvalOutputEntry } from './evalOutputReader';

const EVAL_ZIP_LIMITS: ZipCaps = {
  /** One record per problem: far more than any benchmark has problems. */
  entries: 100_000,
  /** Everything inflated together: a 279-problem eval at k = 100 with long traces stays well under it. */
  totalBytes: 1024 * 2 ** 20,
  /** No cap of its own on one file: the total bounds it. */
  entryBytes: 1024 * 2 ** 20,
  /** An entry inflating to more than this many times its compressed size (past 1 MiB) is refused. */
  compressionRatio: 200,
};

const wanted = (name: string): boolean => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base === METRICS_FILE || base === JOURNAL_FILE || isRecordFileName(base);
};

export function readEvalOutputZip(zip: Uint8Array): EvalOutputEntry[] {
  try {
    return readCappedZip(zip, EVAL_ZIP_LIMITS, (names) => new Set(names.filter(wanted))).map(({ name, bytes }) => ({
      path: name,
      size: bytes.length,
      bytes: () => Promise.resolve(bytes),
    }));
  } catch (error) {
    if (!(error instanceof CappedZipError)) throw error;
    // The unpacked folder is read without holding the zip and all it inflates at once.
    const tooLarge = error.refusal.cap === 'totalBytes' || error.refusal.cap === 'entryBytes';
    throw new EvalOutputError(tooLarge ? `${error.message}: open the folder instead` : error.message);
  }
}
