/**
 * Server-sent events (the WHATWG `text/event-stream` format) read incrementally from a fetch
 * body: `data:` lines joined by `\n`, `event:` names, `:` comments ignored, CRLF/LF/CR line ends,
 * one event per blank line. Environment-free (browser, worker, Node).
 */
export interface SseEvent {
  event: string;
  data: string;
}

/** One `field: value` line; a comment (`:` first) has no field. */
function parseField(line: string): { field: string; value: string } {
  if (line.startsWith(':')) return { field: '', value: '' };
  const colon = line.indexOf(':');
  const field = colon < 0 ? line : line.slice(0, colon);
  const value = colon < 0 ? '' : line.slice(colon + 1);
  return { field, value: value.startsWith(' ') ? value.slice(1) : value };
}

export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  const onAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  function* takeLines(final: boolean): Generator<SseEvent> {
    for (;;) {
      const m = /\r\n|\r|\n/.exec(buffer);
      if (!m) break;
      // A lone CR at the very end may be the first half of CRLF: wait for more.
      if (m[0] === '\r' && m.index === buffer.length - 1 && !final) break;
      const line = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      if (line === '') {
        if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
        data = [];
        event = '';
        continue;
      }
      const { field, value } = parseField(line);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
    }
  }

  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      yield* takeLines(false);
    }
    buffer += decoder.decode();
    yield* takeLines(true);
    // A stream that ends without the final blank line still delivers its last event.
    if (buffer !== '') {
      buffer += '\n';
      yield* takeLines(true);
    }
    if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // A consumer that stopped early closes the connection instead of leaving it open.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
