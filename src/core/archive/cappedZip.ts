/**
 * Reads a zip that cannot be trusted about itself (fflate's streaming unzip), under caps the caller
 * sets: how many entries are read, how large one may inflate, how large all of them together, and
 * how many times its compressed size one may inflate to (a zip bomb). Inflation is watched as it
 * happens, whatever sizes the headers declare, and stopped once an entry passes a cap: the zip is
 * fed to the inflater in small pieces, so at most about a thousand times a piece (deflate's largest
 * ratio) is inflated past a cap before it is seen. The caller picks the entries to read from all
 * the names first; the others are never inflated.
 *
 * Every refusal is a CappedZipError saying what was wrong and with which entry, and carrying which
 * cap refused it, so that a caller can word it for its own users.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export interface ZipCaps {
  /** Entries read, at most (the ones not picked do not count). */
  entries: number;
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all the entries read may inflate to together. */
  totalBytes: number;
  /** An entry inflating to more than this many times its compressed size is refused (past 1 MiB). */
  compressionRatio: number;
}

/**
 * How much of the zip the inflater is handed at a time. Handed all at once, fflate inflates a whole
 * entry before reporting any of it (a 200 KiB zip of zeros became one 200 MiB piece).
 */
const PIECE_BYTES = 16 * 2 ** 10;

/** Bytes an entry may inflate to before the ratio cap applies (tiny files compress oddly). */
const RATIO_FLOOR_BYTES = 2 ** 20;

/** Why a zip was refused: not a zip at all, or which cap an entry (or the count) passed. */
type ZipRefusal =
  | { cap: 'unreadable'; detail: string }
  | { cap: 'empty' }
  | { cap: 'corruptEntry'; entry: string; detail: string }
  | { cap: 'entries'; count: number; limit: number }
  /** `bytes`: the file's size, where it is known (a folder's file, a zip header that admits it). */
  | { cap: 'entryBytes'; entry: string; bytes?: number; limit: number }
  | { cap: 'totalBytes'; entry: string; limit: number }
  | { cap: 'compressionRatio'; entry: string; limit: number };

export class CappedZipError extends Error {
  /** The entry at fault, when one is. */
  readonly entry: string | undefined;
  /** What is wrong, without the entry's name. */
  readonly reason: string;

  constructor(readonly refusal: ZipRefusal) {
    const entry = 'entry' in refusal ? refusal.entry : undefined;
    const reason = describe(refusal);
    super(entry ? `${entry}: ${reason}` : reason);
    this.name = 'CappedZipError';
    this.entry = entry;
    this.reason = reason;
  }
}

function describe(refusal: ZipRefusal): string {
  switch (refusal.cap) {
    case 'unreadable':
      return `not a readable zip archive (${refusal.detail})`;
    case 'empty':
      return 'the zip archive is empty or not a zip archive';
    case 'corruptEntry':
      return `cannot be inflated (${refusal.detail})`;
    case 'entries':
      return `too many files (${refusal.count}; at most ${refusal.limit})`;
    case 'entryBytes':
      return refusal.bytes === undefined
        ? `file too large (it inflates past ${formatSize(refusal.limit)}, the most a file may hold)`
        : `file too large (${formatSize(refusal.bytes)}; at most ${formatSize(refusal.limit)} per file)`;
    case 'totalBytes':
      return `too large in all: more than ${formatSize(refusal.limit)} when this file is added`;
    case 'compressionRatio':
      return `inflates to more than ${refusal.limit}× its compressed size: refused as a zip bomb`;
  }
}

/** `16.0 MiB`, or `4.0 KiB` below a MiB, so that a small cap does not read as zero. */
function formatSize(bytes: number): string {
  return bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

interface ZipEntryBytes {
  /** The entry's name as the zip gives it. */
  name: string;
  bytes: Uint8Array;
}

/**
 * The entries `pick` chooses from the names of all the zip's files (folders left out), inflated
 * under `caps`, in the zip's order. Throws CappedZipError; whatever `pick` throws passes through.
 */
export function readCappedZip(zip: Uint8Array, caps: ZipCaps, pick: (names: string[]) => ReadonlySet<string>): ZipEntryBytes[] {
  const names = listFiles(zip);
  if (names.length === 0) throw new CappedZipError({ cap: 'empty' });
  const picked = pick(names);
  if (picked.size > caps.entries) throw new CappedZipError({ cap: 'entries', count: picked.size, limit: caps.entries });
  return inflatePicked(zip, caps, picked);
}

/** A first pass that reads only the headers: the names of the files, nothing inflated. */
function listFiles(zip: Uint8Array): string[] {
  const names: string[] = [];
  const lister = new Unzip((file) => {
    if (!file.name.endsWith('/')) names.push(file.name);
  });
  lister.register(UnzipInflate);
  try {
    lister.push(zip, true);
  } catch (error) {
    throw new CappedZipError({ cap: 'unreadable', detail: (error as Error).message });
  }
  return names;
}

/** A second pass that inflates only the picked entries, under the caps. */
function inflatePicked(zip: Uint8Array, caps: ZipCaps, picked: ReadonlySet<string>): ZipEntryBytes[] {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let refusal: ZipRefusal | undefined;
  const unzip = new Unzip((file) => {
    if (!picked.has(file.name) || refusal) return;
    let size = 0;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, chunk) => {
      if (refusal) return;
      if (error) {
        refusal = { cap: 'corruptEntry', entry: file.name, detail: error.message };
        return;
      }
      size += chunk.length;
      total += chunk.length;
      parts.push(chunk);
      refusal = capPassed(file, size, total, caps, zip.length);
      if (refusal) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !refusal; at += PIECE_BYTES) {
      unzip.push(zip.subarray(at, at + PIECE_BYTES), at + PIECE_BYTES >= zip.length);
    }
  } catch (error) {
    refusal ??= { cap: 'unreadable', detail: (error as Error).message };
  }
  if (refusal) throw new CappedZipError(refusal);
  return [...chunks].map(([name, parts]) => ({ name, bytes: concat(parts) }));
}

function capPassed(file: UnzipFile, size: number, total: number, caps: ZipCaps, zipBytes: number): ZipRefusal | undefined {
  if (size > caps.entryBytes) {
    // Inflation stopped early; a header that declares more than the cap gives the size it would have had.
    const declared = file.originalSize !== undefined && file.originalSize >= size ? file.originalSize : undefined;
    return { cap: 'entryBytes', entry: file.name, bytes: declared, limit: caps.entryBytes };
  }
  if (total > caps.totalBytes) return { cap: 'totalBytes', entry: file.name, limit: caps.totalBytes };
  // A streamed entry may not declare its compressed size: the whole zip bounds it then.
  const compressed = Math.max(1, file.size ?? zipBytes);
  if (size > RATIO_FLOOR_BYTES && size > caps.compressionRatio * compressed) {
    return { cap: 'compressionRatio', entry: file.name, limit: caps.compressionRatio };
  }
  return undefined;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
