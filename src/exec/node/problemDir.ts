/** Node side of the package reader: loads a problem package folder from disk into a file map. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { readKattisPackage } from '../../core/problem/kattisPackage';
import type { Problem } from '../../core/problem/problem';

/** Files a package reader looks at; other files (submissions, binaries, attachments) are skipped. */
const RELEVANT = /^(problem\.yaml|\.timelimit|(problem_)?statement\/.*\.(md|tex)|data\/.*\.(in|ans|yaml)|output_validators\/.*)$/;

export async function readProblemDir(dir: string): Promise<Problem> {
  const root = resolve(dir);
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (RELEVANT.test(path)) files.set(path, await readFile(join(root, path), 'utf8'));
  }
  return readKattisPackage(files, basename(root));
}
