/** Where the Node side keeps what clang builds once (the PCH: ~7 s; the memory guard's object): reused after. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrebuiltStore } from '../runtime/cppCompiler';

function cacheDir(): string {
  if (process.env.CRITIQUE_LAB_CACHE_DIR) return process.env.CRITIQUE_LAB_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'critique-lab');
}

export function diskPrebuiltStore(dir = cacheDir()): PrebuiltStore {
  return {
    async load(key) {
      try {
        return new Uint8Array(await readFile(join(dir, `${key}.bin`)));
      } catch {
        return undefined;
      }
    },
    async save(key, bytes) {
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `${key}.${process.pid}.tmp`);
      await writeFile(temp, bytes);
      await rename(temp, join(dir, `${key}.bin`)); // atomic: concurrent CLIs never read half a file
    },
  };
}
