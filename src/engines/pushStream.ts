/**
 * An async-iterable stream fed by a producer function, with a final result: the producer starts
 * at once, emits items as they come and returns the result. Items are buffered until the consumer
 * pulls them, so a slow consumer never loses one and a consumer that iterates late sees all.
 *
 * Ending: the producer's return value resolves `result` and ends the iteration. A producer error
 * rejects `result` and is thrown from the iterator. A consumer that stops iterating early
 * (`break`) aborts the producer through the signal it was given, as does `outerSignal`.
 *
 * Every stream the engines hand out is one of these: chat deltas with usage (chatStream.ts) and
 * a backend's raw pieces with their end record (budgetForcing.ts).
 */
export type Producer<T, R> = (emit: (item: T) => void, signal: AbortSignal) => Promise<R>;

interface PushStream<T, R> extends AsyncIterable<T> {
  /** Resolves with the producer's result once it returns; rejects if it throws. */
  readonly result: Promise<R>;
}

export function pushStream<T, R>(producer: Producer<T, R>, outerSignal?: AbortSignal): PushStream<T, R> {
  const consumerStopped = new AbortController();
  const signal = outerSignal ? AbortSignal.any([outerSignal, consumerStopped.signal]) : consumerStopped.signal;
  const queue: T[] = [];
  let done = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const emit = (item: T): void => {
    if (done) return;
    queue.push(item);
    notify();
  };

  const result = (async () => {
    try {
      return await producer(emit, signal);
    } catch (error) {
      failure = { error };
      throw error;
    } finally {
      done = true;
      notify();
    }
  })();
  // The iterator reports the failure; an unobserved result promise must not crash the page.
  result.catch(() => {});

  async function* iterate(): AsyncGenerator<T> {
    try {
      for (;;) {
        if (queue.length > 0) {
          yield queue.shift() as T;
          continue;
        }
        if (done) {
          if (failure) throw failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      if (!done) consumerStopped.abort(new Error('The consumer stopped reading the stream.'));
    }
  }

  return { result, [Symbol.asyncIterator]: () => iterate() };
}
