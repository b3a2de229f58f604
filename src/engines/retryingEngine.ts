/**
 * A ChatEngine decorator for long unattended runs against a shared server (the CLI's `eval`):
 * each chat gets a time-out, and a failure the server may recover from — HTTP 429 or 5xx, a
 * refused or reset connection, a stream that broke off, an error reported mid-stream, a time-out —
 * is retried from scratch after an exponential, jittered back-off, a bounded number of times.
 * Anything else (a bad key, a wrong model name, a request the server rejects) fails at once.
 *
 * A retried chat starts over, so the deltas of an abandoned attempt must not reach the caller:
 * the reply is collected in full and handed over as one reasoning and one answer delta. That
 * suits a batch run; the app, which shows tokens as they stream, uses the plain engine.
 */
import {
  AbortedError,
  type ChatEngine,
  type ChatMessage,
  type ChatOptions,
  type ChatStream,
  type LoadOptions,
} from '../core/chat/chatEngine';
import { collectReply, replyStream, type CollectedReply } from './collectedReply';
import { EndpointError } from './endpointError';

interface RetryPolicy {
  /** Retries after the first attempt (so at most retries + 1 requests per chat). */
  retries: number;
  /** Back-off before retry r (0-based) is baseDelayMs × 2^r, capped at maxDelayMs, times a jitter in [0.5, 1). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wall time allowed for one attempt, first byte to last. */
  requestTimeoutMs: number;
  /** Told about each retry before its back-off (for the CLI's log). */
  onRetry?: (info: { attempt: number; delayMs: number; error: Error }) => void;
}

class RequestTimeoutError extends Error {
  constructor(ms: number) {
    super(`The request took longer than the time-out of ${Math.round(ms / 1000)} s`);
    this.name = 'RequestTimeoutError';
  }
}

const RETRYABLE_KINDS = new Set(['unreachable', 'truncated-stream', 'server-error-in-stream']);

function isRetryable(error: unknown): boolean {
  if (error instanceof RequestTimeoutError) return true;
  if (!(error instanceof EndpointError)) return false;
  if (RETRYABLE_KINDS.has(error.kind)) return true;
  return error.kind === 'http' && error.status !== undefined && (error.status === 429 || error.status >= 500);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class RetryingEngine implements ChatEngine {
  readonly kind: string;

  constructor(
    private readonly inner: ChatEngine,
    private readonly policy: RetryPolicy,
  ) {
    this.kind = inner.kind;
  }

  load(modelId: string, options?: LoadOptions): Promise<void> {
    return this.inner.load(modelId, options);
  }

  unload(): Promise<void> {
    return this.inner.unload();
  }

  chat(messages: ChatMessage[], options: ChatOptions = {}): ChatStream {
    return replyStream(this.complete(messages, options));
  }

  private async complete(messages: ChatMessage[], options: ChatOptions): Promise<CollectedReply> {
    const { retries, baseDelayMs, maxDelayMs } = this.policy;
    for (let attempt = 0; ; attempt++) {
      let failure: Error;
      try {
        return await this.attempt(messages, options);
      } catch (error) {
        if (options.signal?.aborted) throw new AbortedError();
        failure = error instanceof Error ? error : new Error(String(error));
      }
      if (!isRetryable(failure) || attempt >= retries) throw failure;
      const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
      this.policy.onRetry?.({ attempt: attempt + 1, delayMs, error: failure });
      await sleep(delayMs, options.signal);
    }
  }

  /** One request, collected, under the time-out. */
  private async attempt(messages: ChatMessage[], options: ChatOptions): Promise<CollectedReply> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.policy.requestTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    const timedOut = (): boolean => timeout.signal.aborted && !options.signal?.aborted;
    try {
      const reply = await collectReply(this.inner.chat(messages, { ...options, signal }));
      // An engine may end an aborted stream quietly (finish reason `abort`): say which abort it was.
      if (timedOut()) throw new RequestTimeoutError(this.policy.requestTimeoutMs);
      if (options.signal?.aborted) throw new AbortedError();
      return reply;
    } catch (error) {
      if (timedOut()) throw new RequestTimeoutError(this.policy.requestTimeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
