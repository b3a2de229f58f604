/**
 * Reads a problem package from a .zip (fflate's streaming unzip), as PackageEntries for
 * collectPackageFiles. A zip cannot be trusted about itself, so inflation is watched as it
 * happens: an entry is stopped the moment it passes the per-file cap, the package's total cap or
 * the compression-ratio cap (a zip bomb), whatever sizes its headers declare. Entries outside the
 * package's files are never inflated. Entry names are checked before anything else.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import {
  checkFileSize,
  IMPORT_LIMITS,
  isImportedFile,
  safePackagePath,
  totalTooLarge,
  unwrapPackageRoot,
  type PackageEntry,
} from './packageImport';
import { ProblemPackageError } from './problemPackageError';

/** Bytes an entry may inflate to before the ratio cap applies (tiny files compress oddly). */
const RATIO_FLOOR_BYTES = 2 ** 20;

export function readPackageZip(zip: Uint8Array): PackageEntry[] {
  const found: UnzipFile[] = [];
  const lister = new Unzip((file) => found.push(file));
  lister.register(UnzipInflate);
  try {
    lister.push(zip, true);
  } catch (error) {
    throw new ProblemPackageError(`not a readable zip archive (${(error as Error).message})`);
  }
  if (found.length === 0) throw new ProblemPackageError('the zip archive is empty or not a zip archive');
  // Names first: a path that escapes is refused even if it would never be read.
  const named = found.filter((f) => !f.name.endsWith('/')).map((file) => ({ file, path: safePackagePath(file.name) }));
  const wanted = new Set(
    unwrapPackageRoot(named)
      .filter((e) => isImportedFile(e.path))
      .map((e) => e.file.name),
  );
  return inflateWanted(zip, wanted);
}

/** A second pass that inflates only the wanted entries, under the caps. */
function inflateWanted(zip: Uint8Array, wanted: ReadonlySet<string>): PackageEntry[] {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: ProblemPackageError | undefined;
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || failure) return;
    let size = 0;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new ProblemPackageError(`cannot be inflated (${error.message})`, file.name);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      parts.push(chunk);
      failure = capFailure(file, size, total, zip.length);
      if (failure) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zip, true);
  } catch (error) {
    failure ??= new ProblemPackageError(`not a readable zip archive (${(error as Error).message})`);
  }
  if (failure) throw failure;
  return [...chunks].map(([path, parts]) => {
    const bytes = concat(parts);
    return { path, size: bytes.length, bytes: () => Promise.resolve(bytes) };
  });
}

function capFailure(file: UnzipFile, size: number, total: number, zipBytes: number): ProblemPackageError | undefined {
  try {
    checkFileSize(file.name, size);
  } catch (error) {
    return error as ProblemPackageError;
  }
  if (total > IMPORT_LIMITS.totalBytes) return totalTooLarge(file.name);
  // A streamed entry may not declare its compressed size: the whole zip bounds it then.
  const compressed = Math.max(1, file.size ?? zipBytes);
  if (size > RATIO_FLOOR_BYTES && size > IMPORT_LIMITS.compressionRatio * compressed) {
    return new ProblemPackageError(
      `inflates to more than ${IMPORT_LIMITS.compressionRatio}× its compressed size: refused as a zip bomb`,
      file.name,
    );
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
