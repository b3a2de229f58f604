/**
 * Replays a recorded run through the ChatEngine interface, so the real pipeline — parsing,
 * execution, selection, metrics — runs on it exactly as on a live model. Streams at an adjustable
 * speed (tokens per second; Infinity = instant) that may change mid-run.
 *
 * Requests are matched to recordings by content, not by order, so a replay works under any
 * `order`/`concurrency` setting: a request whose last message contains a recorded candidate's
 * program is a critique of that candidate; any other request is the next generation.
 */
import {
  AbortedError,
  type ChatEngine,
  type ChatMessage,
  type ChatOptions,
  type ChatStream,
  type ChatUsage,
} from '../core/chat/chatEngine';
import type { RunRecord } from '../core/record/runRecord';
import { producerChatStream } from './chatStream';
import type { PlaybackGate } from './playbackGate';

interface RecordedReply {
  reasoning: string;
  answer: string;
  usage: ChatUsage;
}

export class ReplayExhaustedError extends Error {
  constructor(what: string) {
    super(`The recording has no ${what} left to replay (it was recorded with smaller k or m than this run asks for).`);
    this.name = 'ReplayExhaustedError';
  }
}

export class ReplayEngine implements ChatEngine {
  readonly kind = 'replay';
  /** Tokens per second; Infinity streams everything at once. */
  tokensPerSecond: number;
  /** Pause and single-step (optional): passed before every streamed piece. */
  readonly gate: PlaybackGate | null;
  private generations: RecordedReply[] = [];
  private critiques = new Map<number, RecordedReply[]>();
  private readonly record: RunRecord;

  constructor(record: RunRecord, options: { tokensPerSecond?: number; gate?: PlaybackGate } = {}) {
    this.record = record;
    this.tokensPerSecond = options.tokensPerSecond ?? 60;
    this.gate = options.gate ?? null;
    this.rewind();
  }

  /** Makes every recorded reply available again (for running the same recording twice). */
  rewind(): void {
    this.generations = this.record.candidates.map((c) => c.generation);
    this.critiques = new Map(this.record.candidates.map((c) => [c.index, [...c.critiques]]));
  }

  async load(): Promise<void> {}

  async unload(): Promise<void> {}

  chat(messages: ChatMessage[], options: ChatOptions = {}): ChatStream {
    const reply = this.take(messages.at(-1)?.content ?? '');
    return producerChatStream(async (emit, signal) => {
      if (reply instanceof Error) throw reply;
      for (const [field, text] of [
        ['reasoning', reply.reasoning],
        ['content', reply.answer],
      ] as const) {
        for (const piece of tokenPieces(text)) {
          // Read at every piece: a speed change applies mid-stream.
          await pace(this.tokensPerSecond, signal);
          await this.gate?.pass(signal);
          if (signal.aborted) throw new AbortedError();
          emit({ [field]: piece });
        }
      }
      return reply.usage;
    }, options.signal);
  }

  private take(lastMessage: string): RecordedReply | Error {
    const critiqued = this.record.candidates.find(
      (c) => c.generation.program !== null && lastMessage.includes(c.generation.program) && (this.critiques.get(c.index)?.length ?? 0) > 0,
    );
    if (critiqued) return this.critiques.get(critiqued.index)!.shift()!;
    return this.generations.shift() ?? new ReplayExhaustedError('generation');
  }
}

/** Roughly token-sized pieces (a word with its leading space), so replays look like streaming. */
function tokenPieces(text: string): string[] {
  return text.match(/\s*\S{1,8}|\s+$/g) ?? [];
}

async function pace(tokensPerSecond: number, signal: AbortSignal | undefined): Promise<void> {
  if (!Number.isFinite(tokensPerSecond)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000 / Math.max(1, tokensPerSecond));
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
