/**
 * The eval's ChatEngine: a request already answered in the journal is replayed from it; any other
 * waits for a request slot (--concurrency), goes to the server (through the retrying engine), and
 * its answer is journaled before the pipeline sees it. A failed request is not journaled, so a
 * rerun asks again.
 */
import { createHash } from 'node:crypto';
import type { ChatEngine, ChatMessage, ChatOptions, ChatStream, ChatUsage, LoadOptions } from '../../core/chat/chatEngine';
import { collectReply, replyStream } from '../../engines/collectedReply';
import type { EvalJournal } from './evalJournal';
import type { RequestSlots } from './requestSlots';

/** Everything that decides a request's answer; the pipeline varies the seed per candidate and critique. */
export function chatKey(messages: ChatMessage[], options: ChatOptions): string {
  const { temperature, topP, maxTokens, thinkingBudget, seed } = options;
  return createHash('sha256').update(JSON.stringify({ messages, temperature, topP, maxTokens, thinkingBudget, seed })).digest('hex');
}

export class JournaledEngine implements ChatEngine {
  readonly kind: string;

  constructor(
    private readonly inner: ChatEngine,
    private readonly journal: EvalJournal,
    private readonly slots: RequestSlots,
    /** Told about each answer the server gave in this run (not replays): the progress line's tokens/s. */
    private readonly onAnswered: (usage: ChatUsage) => void = () => {},
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
    const key = chatKey(messages, options);
    const journaled = this.journal.chats.get(key);
    if (journaled) return replyStream(Promise.resolve(journaled));
    return replyStream(
      this.slots.run(async () => {
        const reply = await collectReply(this.inner.chat(messages, options));
        // An aborted request ends quietly with what it had: never journal a partial answer.
        if (options.signal?.aborted || reply.usage.finishReason === 'abort') return reply;
        this.journal.recordChat(key, reply);
        this.onAnswered(reply.usage);
        return reply;
      }),
    );
  }
}
