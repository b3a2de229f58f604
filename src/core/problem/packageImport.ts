/**
 * Turns what a user hands over — a dropped or picked folder, or the entries of a zip — into the
 * file map the package reader takes, refusing anything unsafe or absurd with the file named:
 * paths that leave the package (`..`, absolute, drive letters), a file over the per-file cap, a
 * package over the total cap or with too many files, a package file that is not UTF-8 text.
 * Only the files the reader uses (packageFiles.ts) and the statement's images (statementImages.ts,
 * kept as bytes) are read at all. Nothing is kept unless all
 * of it is good: the caller stores the result only after readKattisPackage accepted it.
 */
import { CappedZipError, type ZipCaps } from '../archive/cappedZip';
import { isPackageFile } from './packageFiles';
import { isStatementImage } from './statementImages';
import { ProblemPackageError } from './problemPackageError';

/** The caps on a package, from a folder or a zip (where they bound inflation as it happens). */
export const IMPORT_LIMITS = {
  /** Files read. */
  entries: 5000,
  /** One file (a large secret test is a few MB). */
  entryBytes: 16 * 2 ** 20,
  /** Everything the reader keeps, together (it lives in this browser's storage). */
  totalBytes: 64 * 2 ** 20,
  /** A zip entry that inflates to more than this many times its compressed size is refused. */
  compressionRatio: 200,
} as const satisfies ZipCaps;

export interface PackageEntry {
  /** Path as given (a zip entry name, a folder's relative path). */
  path: string;
  /** Size in bytes, known before reading. */
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** `a\b/./c` → `a/b/c`; throws, naming the path, when it would leave the package. */
export function safePackagePath(raw: string): string {
  const path = raw.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\0')) {
    throw new ProblemPackageError('absolute path: a package may only hold paths inside itself', raw);
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new ProblemPackageError('path leaves the package (..)', raw);
  return parts.join('/');
}

/**
 * Drops one wrapping folder (`pair-sum/problem.yaml` → `problem.yaml`) when the package's
 * problem.yaml is not at the top, so the reader's file filter sees package paths.
 */
export function unwrapPackageRoot<T extends { path: string }>(entries: T[]): T[] {
  if (entries.some((e) => e.path === 'problem.yaml')) return entries;
  const yaml = entries.find((e) => /^[^/]+\/problem\.yaml$/.test(e.path));
  if (!yaml) return entries;
  const prefix = yaml.path.slice(0, yaml.path.indexOf('/') + 1);
  return entries.filter((e) => e.path.startsWith(prefix)).map((e) => ({ ...e, path: e.path.slice(prefix.length) }));
}

/** A file the importer reads: a package file (as text) or an image of the statement (as bytes). */
export function isImportedFile(path: string): boolean {
  return isPackageFile(path) || isStatementImage(path);
}

interface CollectedPackage {
  /** Package files by path, as text: what the reader takes. */
  files: Map<string, string>;
  /** The statement's image files by path (statementImages.ts). */
  images: Map<string, Uint8Array>;
}

/** Reads the package files among `entries` as text and the statement's images as bytes, within IMPORT_LIMITS. */
export async function collectPackageFiles(entries: PackageEntry[]): Promise<CollectedPackage> {
  const safe = unwrapPackageRoot(entries.map((e) => ({ ...e, path: safePackagePath(e.path) })).filter((e) => e.path !== ''));
  const wanted = safe.filter((e) => isImportedFile(e.path));
  if (wanted.length > IMPORT_LIMITS.entries) {
    throw asPackageError(new CappedZipError({ cap: 'entries', count: wanted.length, limit: IMPORT_LIMITS.entries }));
  }
  let total = 0;
  for (const entry of wanted) {
    checkFileSize(entry.path, entry.size);
    total += entry.size;
    if (total > IMPORT_LIMITS.totalBytes) {
      throw asPackageError(new CappedZipError({ cap: 'totalBytes', entry: entry.path, limit: IMPORT_LIMITS.totalBytes }));
    }
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  const images = new Map<string, Uint8Array>();
  for (const entry of wanted) {
    const bytes = await entry.bytes();
    checkFileSize(entry.path, bytes.length);
    if (!isPackageFile(entry.path)) {
      images.set(entry.path, bytes);
      continue;
    }
    try {
      files.set(entry.path, decoder.decode(bytes));
    } catch {
      throw new ProblemPackageError('not UTF-8 text (package files are text: statements, tests, YAML, validator sources)', entry.path);
    }
  }
  return { files, images };
}

function checkFileSize(path: string, bytes: number): void {
  if (bytes > IMPORT_LIMITS.entryBytes) {
    throw asPackageError(new CappedZipError({ cap: 'entryBytes', entry: path, bytes, limit: IMPORT_LIMITS.entryBytes }));
  }
}

/**
 * A refusal under IMPORT_LIMITS as the package reader's error, naming the file: a zip's, or a
 * folder's worded the same way.
 */
export function asPackageError(refusal: CappedZipError): ProblemPackageError {
  return new ProblemPackageError(refusal.reason, refusal.entry);
}
