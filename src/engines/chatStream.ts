/**
 * A ChatStream driven by a producer function (see pushStream.ts for buffering, ending and
 * abort): the producer pushes reasoning/answer deltas and returns the final usage.
 */
import type { ChatDelta, ChatStream, ChatUsage } from '../core/chat/chatEngine';
import { pushStream, type Producer } from './pushStream';

type ChatProducer = Producer<ChatDelta, ChatUsage>;

export function producerChatStream(producer: ChatProducer, outerSignal?: AbortSignal): ChatStream {
  const stream = pushStream<ChatDelta, ChatUsage>(
    // Empty deltas carry nothing: drop them here so no consumer has to.
    (emit, signal) => producer((delta) => (delta.reasoning || delta.content ? emit(delta) : undefined), signal),
    outerSignal,
  );
  return { usage: stream.result, [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator]() };
}
