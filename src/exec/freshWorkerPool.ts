/**
 * Workers of one kind (Pyodide interpreters, wasm runners), one per submission: a lease gets a
 * worker no program has run in, and when the lease ends the worker is destroyed, never reused.
 * A program that escapes its language (Python reaching JavaScript through a proxy's constructor
 * chain) can change anything in its own worker's realm — prototypes, timers, message ports — but
 * that realm dies with its submission, so no program can influence another's verdict.
 *
 * Starting a worker takes time (Pyodide: ~0.5 s from its start-up snapshot, seconds from
 * scratch), so the pool keeps `spares` workers started ahead of need: in a demo the next candidate
 * is still being written while its worker starts. A replacement spare starts when a lease ends, not
 * when it begins: a start competes for the CPU with the submission being judged (on a 2-core
 * machine it took that judge from ~0.3 s to ~0.5 s), and two starts at once take twice as long
 * each. `coolDown` stops spares still starting (the visitor turned to the other language), for the
 * same reason. At most `size` leases run at once; later callers queue in order. A lease can kill
 * its worker mid-submission (a run went past its time limit): the next `worker()` call starts a
 * fresh one.
 */
export interface Lease<W> {
  /** The leased worker; after `kill`, the next call starts a replacement. */
  worker(): Promise<W>;
  kill(): void;
  /** Ends the lease and destroys its worker. */
  release(): void;
}

interface FreshWorkerPoolOptions {
  /** Leases running at once. */
  size: number;
  /** Workers kept started ahead of need (0: start one per lease, on demand). Default 1. */
  spares?: number;
}

/** Starts a worker; on `signal`'s abort it stops the start, destroys what it began and rejects. */
type SpawnWorker<W> = (signal: AbortSignal) => Promise<W>;

interface Spare<W> {
  worker: Promise<W>;
  ready: boolean;
  stop: AbortController;
}

interface Waiter {
  grant: () => void;
  reject: (error: unknown) => void;
}

export class FreshWorkerPool<W> {
  /** Started (or starting) workers no lease has taken yet. */
  private readonly spares: Spare<W>[] = [];
  private readonly waiting: Waiter[] = [];
  private leased = 0;
  private disposed = false;
  readonly size: number;
  private readonly spareTarget: number;

  constructor(
    private readonly spawn: SpawnWorker<W>,
    private readonly destroy: (worker: W) => void,
    options: FreshWorkerPoolOptions,
  ) {
    this.size = Math.max(1, options.size);
    this.spareTarget = Math.max(0, options.spares ?? 1);
  }

  /**
   * Starts the spares now (e.g. when a Python problem opens). Resolves true when one is ready,
   * false if `coolDown` stopped it first; rejects if it failed to start.
   */
  async warmUp(): Promise<boolean> {
    this.refill(Math.max(1, this.spareTarget));
    const first = this.spares[0];
    if (!first) throw new Error('the worker pool was disposed');
    try {
      await first.worker;
      return true;
    } catch (error) {
      if (first.stop.signal.aborted) return false;
      throw error;
    }
  }

  /** Stops the spares still starting (started ones cost nothing idle and are kept). */
  coolDown(): void {
    for (const spare of this.spares.filter((s) => !s.ready)) {
      this.spares.splice(this.spares.indexOf(spare), 1);
      spare.stop.abort(new DOMException('the pool cooled down', 'AbortError'));
    }
  }

  async lease(signal?: AbortSignal): Promise<Lease<W>> {
    if (this.disposed) throw new Error('the worker pool was disposed');
    signal?.throwIfAborted();
    if (this.leased >= this.size) await this.waitForSlot(signal);
    this.leased++;
    let current: Promise<W> | undefined = this.spares.shift()?.worker;
    let released = false;
    const drop = (): void => {
      const dying = current;
      current = undefined;
      void dying?.then(
        (w) => this.destroy(w),
        () => undefined,
      );
    };
    return {
      worker: () => {
        if (released) throw new Error('lease already released');
        current ??= this.started();
        return current;
      },
      kill: drop,
      release: () => {
        if (released) return;
        released = true;
        drop();
        this.leased--;
        this.refill(this.spareTarget);
        this.waiting.shift()?.grant();
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    for (const spare of this.spares.splice(0))
      void spare.worker.then(
        (w) => this.destroy(w),
        () => undefined,
      );
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the worker pool was disposed'));
  }

  private waitForSlot(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((grant, reject) => {
      const waiter: Waiter = { grant, reject };
      this.waiting.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Starts spares until `target` are started or starting. */
  private refill(target: number): void {
    while (!this.disposed && this.spares.length < target) {
      const stop = new AbortController();
      const spare: Spare<W> = { worker: this.started(stop.signal), ready: false, stop };
      spare.worker.then(
        () => (spare.ready = true),
        // A spare that failed to start is dropped, so the next lease starts its own (and sees why).
        () => {
          const at = this.spares.indexOf(spare);
          if (at >= 0) this.spares.splice(at, 1);
        },
      );
      this.spares.push(spare);
    }
  }

  private started(signal: AbortSignal = new AbortController().signal): Promise<W> {
    return this.spawn(signal).then((worker) => {
      if (this.disposed) {
        this.destroy(worker);
        throw new Error('the worker pool was disposed');
      }
      return worker;
    });
  }
}
