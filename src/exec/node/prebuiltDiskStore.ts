/** Where the Node side keeps clang's precompiled <bits/stdc++.h>: built once (~7 s), reused after. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PchStore } from '../runtime/cppCompiler';

export function cacheDir(): string {
  if (process.env.CRITIQUE_LAB_CACHE_DIR) return process.env.CRITIQUE_LAB_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'critique-lab');
}

export function diskPchStore(dir = cacheDir()): PchStore {
  return {
    async load(key) {
      try {
        return new Uint8Array(await readFile(join(dir, `${key}.pch`)));
      } catch {
        return undefined;
      }
    },
    async save(key, bytes) {
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `${key}.${process.pid}.tmp`);
      await writeFile(temp, bytes);
      await rename(temp, join(dir, `${key}.pch`)); // atomic: concurrent CLIs never read half a file
    },
  };
}
