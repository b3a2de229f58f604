import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenAIEngine, normalizeBaseUrl } from '../../../src/engines/openai';
import { EndpointError } from '../../../src/engines/endpointError';
import type { ChatDelta, ChatStream } from '../../../src/core/chat/chatEngine';
import {
  DONE,
  chatChunk,
  chatFrames,
  sse,
  startScriptedOpenAIServer,
  usageChunk,
  type ScriptedReply,
  type ScriptedServer,
} from '../../fixtures/servers/scriptedOpenAIServer';

const MODEL = 'ocr2-7b';
let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(respond: (path: string, body: Record<string, unknown> | null) => ScriptedReply): Promise<ScriptedServer> {
  server = await startScriptedOpenAIServer({
    respond: (req) =>
      req.path === '/v1/models' ? { json: { object: 'list', data: [{ id: MODEL, object: 'model' }] } } : respond(req.path, req.body),
  });
  return server;
}

async function collect(stream: ChatStream): Promise<{ reasoning: string; content: string; deltas: ChatDelta[] }> {
  let reasoning = '';
  let content = '';
  const deltas: ChatDelta[] = [];
  for await (const d of stream) {
    deltas.push(d);
    reasoning += d.reasoning ?? '';
    content += d.content ?? '';
  }
  return { reasoning, content, deltas };
}

const words = (s: string): string[] => s.split(/(?<= )/);

describe('normalizeBaseUrl', () => {
  it('adds /v1 to a bare origin and drops trailing slashes', () => {
    expect(normalizeBaseUrl('http://localhost:8000')).toBe('http://localhost:8000/v1');
    expect(normalizeBaseUrl('http://localhost:8000/')).toBe('http://localhost:8000/v1');
    expect(normalizeBaseUrl(' http://h:1/v1/ ')).toBe('http://h:1/v1');
    expect(normalizeBaseUrl('http://h:1/api/v1')).toBe('http://h:1/api/v1');
  });
});

describe('OpenAIEngine over real SSE', () => {
  for (const wire of ['inline', 'reasoning_content', 'reasoning'] as const) {
    it(`splits reasoning from the answer (${wire})`, async () => {
      const s = await serve(() => ({
        frames: chatFrames({
          model: MODEL,
          wire,
          reasoning: words('Let me think about it. '),
          answer: ['```python\n', 'print(1)\n', '```'],
          promptTokens: 17,
        }),
      }));
      const engine = new OpenAIEngine({ baseUrl: s.url });
      await engine.load(MODEL);
      const stream = engine.chat([{ role: 'user', content: 'hi' }], { temperature: 0.6, topP: 0.95, maxTokens: 100 });
      const out = await collect(stream);
      expect(out.reasoning).toBe('Let me think about it.');
      expect(out.content).toBe('```python\nprint(1)\n```');
      const usage = await stream.usage;
      expect(usage.finishReason).toBe('stop');
      expect(usage.promptTokens).toBe(17);
      // The server's completion count is split between reasoning and answer by streamed chunks.
      const completion = wire === 'inline' ? 5 + 2 + 3 : 5 + 3;
      expect(usage.reasoningTokens + usage.answerTokens).toBe(completion);
      expect(usage.answerTokens).toBe(3);
      const req = s.requests.find((r) => r.path === '/v1/chat/completions');
      expect(req?.body).toMatchObject({
        model: MODEL,
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.6,
        top_p: 0.95,
        max_tokens: 100,
      });
    });
  }

  it('uses the server-reported reasoning token count when given', async () => {
    const s = await serve(() => ({
      frames: chatFrames({
        model: MODEL,
        wire: 'reasoning_content',
        reasoning: ['a ', 'b ', 'c'],
        answer: ['x'],
        reportReasoningTokens: true,
      }),
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const stream = engine.chat([{ role: 'user', content: 'hi' }]);
    await collect(stream);
    expect(await stream.usage).toMatchObject({ reasoningTokens: 3, answerTokens: 1 });
  });

  it('maps finish_reason length', async () => {
    const s = await serve(() => ({
      frames: chatFrames({ model: MODEL, wire: 'inline', reasoning: words('one two three four five'), answer: ['x'], maxTokens: 4 }),
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const stream = engine.chat([{ role: 'user', content: 'hi' }], { maxTokens: 4 });
    const out = await collect(stream);
    expect(out.reasoning).toBe('one two three');
    expect(out.content).toBe('');
    expect((await stream.usage).finishReason).toBe('length');
  });

  it('sends the API key as a bearer token and explains 401', async () => {
    server = await startScriptedOpenAIServer({
      respond: (req) =>
        req.headers.authorization === 'Bearer sekrit'
          ? { json: { data: [{ id: MODEL }] } }
          : { status: 401, json: { error: { message: 'Invalid API key' } } },
    });
    await new OpenAIEngine({ baseUrl: server.baseUrl, apiKey: 'sekrit' }).load(MODEL);
    const err = await new OpenAIEngine({ baseUrl: server.baseUrl, apiKey: 'wrong' }).load(MODEL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointError);
    expect((err as EndpointError).kind).toBe('auth');
    expect((err as EndpointError).message).toContain('Invalid API key');
  });

  it('says which models the server has when the name is wrong', async () => {
    const s = await serve(() => ({ frames: [] }));
    const err = (await new OpenAIEngine({ baseUrl: s.baseUrl }).load('nope').catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('model-not-found');
    expect(err.message).toContain(MODEL);
  });

  it('explains a refused connection', async () => {
    const s = await serve(() => ({ frames: [] }));
    const url = s.baseUrl;
    await s.close();
    server = null;
    const err = (await new OpenAIEngine({ baseUrl: url }).load(MODEL).catch((e: unknown) => e)) as EndpointError;
    expect(err).toBeInstanceOf(EndpointError);
    expect(err.kind).toBe('unreachable');
    expect(err.url).toBe(`${url}/models`);
  });

  it('fails precisely on a malformed chunk', async () => {
    const s = await serve(() => ({
      frames: [sse(chatChunk(MODEL, { content: '<think>ok' })), 'data: {"choices": [ {"delta": \n\n', DONE],
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const stream = engine.chat([{ role: 'user', content: 'hi' }]);
    const err = (await collect(stream).catch((e: unknown) => e)) as EndpointError;
    expect(err).toBeInstanceOf(EndpointError);
    expect(err.kind).toBe('bad-stream');
    expect(err.message).toContain('chunk #2 is not JSON');
    await expect(stream.usage).rejects.toBe(err);
  });

  it('reports an error object sent mid-stream', async () => {
    const s = await serve(() => ({
      frames: [sse(chatChunk(MODEL, { content: 'a' })), sse({ error: { message: 'maximum context length exceeded', code: 400 } }), DONE],
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const err = (await collect(engine.chat([{ role: 'user', content: 'hi' }])).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('server-error-in-stream');
    expect(err.message).toContain('maximum context length exceeded');
  });

  it('reports a stream that ends without finishing', async () => {
    const s = await serve(() => ({ frames: [sse(chatChunk(MODEL, { content: 'a' }))] }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const err = (await collect(engine.chat([{ role: 'user', content: 'hi' }])).catch((e: unknown) => e)) as EndpointError;
    expect(err.kind).toBe('truncated-stream');
  });

  it('handles CRLF line ends, comments and frames split across writes', async () => {
    const a = JSON.stringify(chatChunk(MODEL, { content: '<think>x</think>' }));
    const b = JSON.stringify(chatChunk(MODEL, { content: 'answer' }, 'stop'));
    const s = await serve(() => ({
      frames: [
        ': keep-alive\r\n\r\n',
        `data: ${a.slice(0, 10)}`,
        { delayMs: 20 },
        `${a.slice(10)}\r\n\r\n`,
        `data: ${b}\r\n\r\n`,
        `data: ${JSON.stringify(usageChunk(MODEL, 3, 2))}\r\n\r\n`,
        'data: [DONE]\r\n\r\n',
      ],
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const stream = engine.chat([{ role: 'user', content: 'hi' }]);
    const out = await collect(stream);
    expect(out).toMatchObject({ reasoning: 'x', content: 'answer' });
    expect(await stream.usage).toMatchObject({ promptTokens: 3, finishReason: 'stop' });
  });

  it('aborts mid-stream: the request is cancelled and usage says abort', async () => {
    const s = await serve(() => ({
      frames: chatFrames({
        model: MODEL,
        wire: 'reasoning_content',
        reasoning: Array.from({ length: 200 }, (_, i) => `r${i} `),
        answer: ['x'],
        delayMs: 10,
      }),
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const controller = new AbortController();
    const stream = engine.chat([{ role: 'user', content: 'hi' }], { signal: controller.signal });
    let n = 0;
    for await (const d of stream) {
      if (d.reasoning) n++;
      if (n === 5) controller.abort();
    }
    const usage = await stream.usage;
    expect(usage.finishReason).toBe('abort');
    expect(usage.reasoningTokens).toBeGreaterThanOrEqual(5);
    expect(usage.reasoningTokens).toBeLessThan(200);
    // The server sees the connection close a moment later: how long depends on the machine's load.
    const req = s.requests.find((r) => r.path === '/v1/chat/completions');
    await vi.waitFor(() => expect(req?.clientAborted).toBe(true), { timeout: 5_000 });
    expect(req?.framesWritten).toBeLessThan(150);
  });

  it('a consumer that stops reading cancels the request', async () => {
    const s = await serve(() => ({
      frames: chatFrames({
        model: MODEL,
        wire: 'inline',
        reasoning: Array.from({ length: 200 }, (_, i) => `r${i} `),
        answer: ['x'],
        delayMs: 10,
      }),
    }));
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load(MODEL);
    const stream = engine.chat([{ role: 'user', content: 'hi' }]);
    for await (const d of stream) if (d.reasoning?.includes('r3')) break;
    expect((await stream.usage).finishReason).toBe('abort');
    await vi.waitFor(() => expect(s.requests.find((r) => r.path === '/v1/chat/completions')?.clientAborted).toBe(true), { timeout: 5_000 });
  });
});
