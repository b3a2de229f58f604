/**
 * A chat reply held whole — reasoning, answer, usage — and the ChatStream that hands it over as
 * one reasoning and one answer delta. Used where a reply is produced or replayed in full rather
 * than shown as it streams (retries, the eval journal).
 */
import type { ChatDelta, ChatStream, ChatUsage } from '../core/chat/chatEngine';

export interface CollectedReply {
  reasoning: string;
  content: string;
  usage: ChatUsage;
}

/** Reads a stream to its end; rejects as the stream does. */
export async function collectReply(stream: ChatStream): Promise<CollectedReply> {
  let reasoning = '';
  let content = '';
  try {
    for await (const delta of stream) {
      if (delta.reasoning) reasoning += delta.reasoning;
      if (delta.content) content += delta.content;
    }
  } catch (error) {
    stream.usage.catch(() => undefined);
    throw error;
  }
  return { reasoning, content, usage: await stream.usage };
}

/** A ChatStream over a reply that is (or will be) whole; a rejected reply fails the iteration and `usage`. */
export function replyStream(reply: Promise<CollectedReply>): ChatStream {
  reply.catch(() => undefined);
  return {
    usage: reply.then((r) => r.usage),
    async *[Symbol.asyncIterator](): AsyncGenerator<ChatDelta> {
      const r = await reply;
      if (r.reasoning) yield { reasoning: r.reasoning };
      if (r.content) yield { content: r.content };
    },
  };
}
