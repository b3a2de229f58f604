/**
 * A judge's copy of Pyodide's start-up snapshot (see pyodideStart.ts), for the fresh
 * Python worker (browser) or process (Node) each submission gets: every new one starts from it when
 * there is one; when there is none (a first visit, a first submission) or it failed to load, one at
 * a time starts from scratch and takes a new one, which the later ones use — and the page keeps
 * for the next visit.
 */
import type { PythonWorkerStart, PythonWorkerStarted } from '../workerApi';

export class PythonStartSnapshot {
  private snapshot: ArrayBuffer | undefined;
  private taking = false;
  private onTaken: ((snapshot: ArrayBuffer) => void) | undefined;

  private readonly copies: boolean;

  /**
   * `copies` (default): each start gets a copy of its own, as a browser worker needs (the snapshot
   * is moved to it). The Node judge hands its children a file instead (nodeExecutor.ts) and needs none.
   */
  constructor(options: { copies?: boolean } = {}) {
    this.copies = options.copies ?? true;
  }

  /** The page's snapshot (if it kept one) and where to send a new one. */
  receive(snapshot: ArrayBuffer | undefined, onTaken?: (snapshot: ArrayBuffer) => void): void {
    this.snapshot = snapshot;
    this.onTaken = onTaken;
  }

  /** How the next worker should start; pass its answer (or nothing, if it failed) to `settle`. */
  nextStart(): { start: PythonWorkerStart; settle: (started?: PythonWorkerStarted) => void } {
    if (this.snapshot) {
      const snapshot = this.copies ? this.snapshot.slice(0) : this.snapshot;
      return { start: { snapshot }, settle: (started) => this.settle(started, false) };
    }
    const takes = !this.taking;
    this.taking ||= takes;
    return { start: takes ? { makeSnapshot: true } : {}, settle: (started) => this.settle(started, takes) };
  }

  private settle(started: PythonWorkerStarted | undefined, wasTaking: boolean): void {
    if (wasTaking) this.taking = false;
    if (!started?.snapshot) return;
    // A worker takes one when asked or when the snapshot it was given did not load: either way it replaces ours.
    this.snapshot = started.snapshot;
    this.onTaken?.(started.snapshot.slice(0));
  }
}
