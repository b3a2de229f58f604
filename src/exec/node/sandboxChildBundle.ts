/**
 * The sandbox child (workers/node/sandboxChild.ts) runs as one plain JavaScript file: under the
 * permission model it may read only that file and Pyodide's folder, so it cannot load TypeScript
 * through tsx (which needs workers and a writable cache). The parent bundles it with esbuild into
 * a private temporary folder, once per executor, and removes the folder when done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface SandboxChildBundle {
  /** The folder holding the bundle (the child's only readable folder besides Pyodide's). */
  dir: string;
  entry: string;
  remove(): Promise<void>;
}

export async function bundleSandboxChild(): Promise<SandboxChildBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'critique-lab-sandbox-'));
  const entry = join(dir, 'sandboxChild.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../../workers/node/sandboxChild.ts', import.meta.url))],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded at run time from its own folder by file URL: it reads its wasm and stdlib from there.
    external: ['pyodide'],
    logLevel: 'silent',
  });
  return { dir, entry, remove: () => rm(dir, { recursive: true, force: true }) };
}
