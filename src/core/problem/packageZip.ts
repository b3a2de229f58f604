/**
 * Reads a problem package from a .zip, as PackageEntries for collectPackageFiles: the capped zip
 * reader (archive/cappedZip.ts) under IMPORT_LIMITS, inflating only the package's files. Entry
 * names are checked before anything is inflated, and every refusal names the file at fault.
 */
import { CappedZipError, readCappedZip } from '../archive/cappedZip';
import { asPackageError, IMPORT_LIMITS, isImportedFile, safePackagePath, unwrapPackageRoot, type PackageEntry } from './packageImport';

export function readPackageZip(zip: Uint8Array): PackageEntry[] {
  try {
    return readCappedZip(zip, IMPORT_LIMITS, packageFileNames).map(({ name, bytes }) => ({
      path: name,
      size: bytes.length,
      bytes: () => Promise.resolve(bytes),
    }));
  } catch (error) {
    throw error instanceof CappedZipError ? asPackageError(error) : error;
  }
}

/** The entries to inflate. Names first: a path that escapes is refused even if it would never be read. */
function packageFileNames(names: string[]): Set<string> {
  const named = names.map((name) => ({ name, path: safePackagePath(name) }));
  return new Set(
    unwrapPackageRoot(named)
      .filter((e) => isImportedFile(e.path))
      .map((e) => e.name),
  );
}
