/** Node side of the package reader: loads a problem package folder from disk into a file map. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { readKattisPackage } from '../../core/problem/kattisPackage';
import { isPackageFile } from '../../core/problem/packageFiles';
import type { Problem } from '../../core/problem/problem';

export async function readProblemDir(dir: string): Promise<Problem> {
  const root = resolve(dir);
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (isPackageFile(path)) files.set(path, await readFile(join(root, path), 'utf8'));
  }
  return readKattisPackage(files, basename(root));
}
