/**
 * A ChatStream driven by a producer function: the producer starts at once, pushes deltas as they
 * come and returns the final usage. Deltas are buffered until the consumer pulls them, so a slow
 * consumer never loses text and a consumer that iterates late still sees everything.
 *
 * Ending: the producer's returned usage resolves `usage` and ends the iteration. A producer error
 * rejects `usage` and is thrown from the iterator. A consumer that stops iterating early
 * (`break`) aborts the producer through the signal it was given.
 */
import type { ChatDelta, ChatStream, ChatUsage } from '../core/chat/chatEngine';

export type ChatProducer = (emit: (delta: ChatDelta) => void, signal: AbortSignal) => Promise<ChatUsage>;

export function producerChatStream(producer: ChatProducer, outerSignal?: AbortSignal): ChatStream {
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(outerSignal?.reason);
  if (outerSignal?.aborted) controller.abort(outerSignal.reason);
  else outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

  const queue: ChatDelta[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const emit = (delta: ChatDelta): void => {
    if (done) return;
    if (!delta.reasoning && !delta.content) return;
    queue.push(delta);
    notify();
  };

  const usage = (async () => {
    try {
      return await producer(emit, controller.signal);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      done = true;
      outerSignal?.removeEventListener('abort', onOuterAbort);
      notify();
    }
  })();
  // The iterator reports the failure; an unobserved usage promise must not crash the page.
  usage.catch(() => {});

  async function* iterate(): AsyncGenerator<ChatDelta> {
    try {
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (done) {
          if (failure !== null) throw failure;
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      if (!done) controller.abort(new Error('The consumer stopped reading the stream.'));
    }
  }

  return {
    usage,
    [Symbol.asyncIterator]: () => iterate(),
  };
}
