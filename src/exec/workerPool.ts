/**
 * A fixed-size pool of workers of one kind (Pyodide interpreters, wasm runners, the compiler),
 * used the same way in the browser sandbox and in Node. A caller leases a worker for a while (a
 * whole submission's tests), and gives it back; callers beyond the pool's size wait in a queue, in
 * order. A lease can kill its worker (a run went past its time limit): the worker is destroyed and
 * the lease gets a fresh one on its next use, so a stuck program never blocks anyone else.
 */
export interface Lease<W> {
  /** The leased worker; after `kill`, the next `worker()` call spawns a replacement. */
  worker(): Promise<W>;
  kill(): void;
  release(): void;
}

export class WorkerPool<W> {
  private readonly idle: W[] = [];
  private readonly waiting: Array<{ grant: () => void; reject: (error: unknown) => void; signal?: AbortSignal }> = [];
  private leased = 0;
  private disposed = false;
  private warming: Promise<void> | undefined;

  constructor(
    private readonly spawn: () => Promise<W>,
    private readonly destroy: (worker: W) => void,
    readonly size: number,
  ) {}

  /** Spawns one worker ahead of need (e.g. to load Pyodide while the user is still typing). */
  warmUp(): Promise<void> {
    if (this.idle.length > 0) return Promise.resolve();
    this.warming ??= this.spawn().then(
      (worker) => {
        if (this.disposed) this.destroy(worker);
        else this.idle.push(worker);
      },
      (error: unknown) => {
        this.warming = undefined;
        throw error;
      },
    );
    return this.warming;
  }

  async lease(signal?: AbortSignal): Promise<Lease<W>> {
    if (this.disposed) throw new Error('the worker pool was disposed');
    signal?.throwIfAborted();
    if (this.leased >= this.size) {
      await new Promise<void>((grant, reject) => {
        const entry = { grant, reject, signal };
        this.waiting.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            const at = this.waiting.indexOf(entry);
            if (at >= 0) this.waiting.splice(at, 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    }
    this.leased++;
    if (this.warming) await this.warming.catch(() => undefined);
    let current: Promise<W> | undefined = this.idle.length > 0 ? Promise.resolve(this.idle.pop()!) : undefined;
    let released = false;
    return {
      worker: () => {
        if (released) throw new Error('lease already released');
        current ??= this.spawn();
        return current;
      },
      kill: () => {
        const dying = current;
        current = undefined;
        void dying?.then((w) => this.destroy(w), () => undefined);
      },
      release: () => {
        if (released) return;
        released = true;
        this.leased--;
        const keeping = current;
        current = undefined;
        if (keeping) {
          void keeping.then(
            (w) => (this.disposed ? this.destroy(w) : this.idle.push(w)),
            () => undefined,
          );
        }
        this.waiting.shift()?.grant();
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.idle.splice(0)) this.destroy(w);
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the worker pool was disposed'));
  }
}
