/**
 * RunFiles for a Python output validator: its readable files and writable folder are written into
 * Pyodide's in-memory file system (Emscripten's MEMFS — no real disk anywhere) before the run, and
 * read back and removed after it, so the next run starts from a clean tree.
 */
import type { RunFiles } from './runOutcome';

/** The part of Emscripten's FS object we use. */
export interface PyodideFs {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  unlink(path: string): void;
  rmdir(path: string): void;
  analyzePath(path: string): { exists: boolean };
}

export class PyodideFiles {
  private readonly roots: string[];

  constructor(
    private readonly fs: PyodideFs,
    private readonly spec: RunFiles,
  ) {
    const paths = [...Object.keys(spec.readable), `${spec.writableDir}/x`];
    this.roots = [...new Set(paths.map((p) => `/${p.split('/').filter(Boolean)[0]}`))];
    for (const root of this.roots) this.remove(root);
    for (const [path, bytes] of Object.entries(spec.readable)) {
      fs.mkdirTree(path.slice(0, path.lastIndexOf('/')) || '/');
      fs.writeFile(path, bytes);
    }
    fs.mkdirTree(spec.writableDir);
  }

  /** The folder of the readable files' first `.py` file (a validator's own modules import from there). */
  get importDir(): string | undefined {
    const python = Object.keys(this.spec.readable).find((p) => p.endsWith('.py'));
    return python ? python.slice(0, python.lastIndexOf('/')) : undefined;
  }

  /** The writable folder's files as text (at most `capBytes` together), then the whole tree is removed. */
  collectAndRemove(capBytes: number): Record<string, string> {
    const written: Record<string, string> = {};
    let left = capBytes;
    const decoder = new TextDecoder('utf-8', { fatal: false });
    try {
      for (const name of this.fs.readdir(this.spec.writableDir)) {
        const path = `${this.spec.writableDir}/${name}`;
        if (name === '.' || name === '..' || this.fs.isDir(this.fs.stat(path).mode)) continue;
        const bytes = this.fs.readFile(path);
        written[name] = decoder.decode(bytes.subarray(0, Math.max(0, left)));
        left -= bytes.length;
      }
    } catch {
      // the program removed its folder: nothing written
    }
    for (const root of this.roots) this.remove(root);
    return written;
  }

  private remove(path: string): void {
    if (!this.fs.analyzePath(path).exists) return;
    if (!this.fs.isDir(this.fs.stat(path).mode)) return this.fs.unlink(path);
    for (const name of this.fs.readdir(path)) if (name !== '.' && name !== '..') this.remove(`${path}/${name}`);
    this.fs.rmdir(path);
  }
}
