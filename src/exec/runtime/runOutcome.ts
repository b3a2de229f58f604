/**
 * What one run of a program on one test produced, before the output validator looks at it. The
 * same shape comes back from every runtime (Pyodide, WASI) in the browser and in Node.
 */

/**
 * - `ok`: exited normally with status 0;
 * - `exit`: exited with a non-zero status (including Python's `SystemExit(1)`);
 * - `crash`: trapped, aborted or raised (Python traceback in `stderr`);
 * - `timeout`: interrupted or killed at the time limit;
 * - `memory`: hit the memory limit;
 * - `output`: printed more than the output limit.
 */
export type RunStatus = 'ok' | 'exit' | 'crash' | 'timeout' | 'memory' | 'output';

export interface RunLimits {
  /**
   * Time limit for the run, ms (interrupted at this, killed a little later): CPU time where the host
   * can read the worker's (the Node judge on Linux), wall time in browsers (languageSessions.ts).
   */
  timeMs: number;
  memoryBytes: number;
  outputBytes: number;
}

/**
 * What a run may see besides stdin — only output validators get this: command-line arguments and
 * a small in-memory file tree (readable files, one writable folder). Submissions get none.
 */
export interface RunFiles {
  /** argv[1…]. */
  args: string[];
  /** Files the program may read, by absolute path (e.g. `/judge/input`). */
  readable: Record<string, Uint8Array>;
  /** An absolute folder (e.g. `/judge/feedback`) the program may create files in. */
  writableDir: string;
}

export interface RunOutcome {
  status: RunStatus;
  exitCode?: number;
  stdout: string;
  stderr: string;
  /** Time of the program itself, excluding runtime start-up: CPU time where the host measures it (see RunLimits). */
  ms: number;
  /** A short reason for non-ok outcomes (trap message, "killed at the time limit", …). */
  message?: string;
  /** Peak memory of the program's wasm instance in bytes, where the runtime can tell. */
  memoryBytes?: number;
  /** With RunFiles: the text of each file the program left in the writable folder, by name. */
  written?: Record<string, string>;
}

/** stderr is kept only up to this many bytes: it is for display, not judging. */
export const STDERR_CAP_BYTES = 64 * 1024;

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** A growable byte buffer with a cap; `push` returns false once the cap would be exceeded. */
export class CappedBytes {
  private chunks: Uint8Array[] = [];
  length = 0;
  exceeded = false;
  constructor(readonly cap: number) {}

  push(bytes: Uint8Array): boolean {
    if (this.length + bytes.length > this.cap) {
      const room = this.cap - this.length;
      if (room > 0) this.chunks.push(bytes.slice(0, room));
      this.length = this.cap;
      this.exceeded = true;
      return false;
    }
    this.chunks.push(bytes.slice());
    this.length += bytes.length;
    return true;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  text(): string {
    return decodeUtf8(this.bytes());
  }
}
