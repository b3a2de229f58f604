/** Node side of the package reader: loads a problem package folder from disk into a file map. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { readKattisPackage } from '../../core/problem/kattisPackage';
import { isPackageFile } from '../../core/problem/packageFiles';
import type { Problem } from '../../core/problem/problem';

export async function readProblemDir(dir: string): Promise<Problem> {
  const root = resolve(dir);
  const realRoot = await realpath(root);
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(root, full).split('\\').join('/');
    if (!isPackageFile(path)) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await linkedFileInside(full, realRoot))))
      files.set(path, await readFile(full, 'utf8'));
  }
  return readKattisPackage(files, basename(root));
}

/**
 * Packages share test data and headers through symbolic links (a scoring package's second group
 * linking the first group's tests): followed when they lead to a file inside the package, never
 * out of it, so a package cannot make the judge read files elsewhere on the disk.
 */
async function linkedFileInside(link: string, realRoot: string): Promise<boolean> {
  try {
    const target = await realpath(link);
    return target.startsWith(realRoot + sep) && (await stat(target)).isFile();
  } catch {
    return false;
  }
}
