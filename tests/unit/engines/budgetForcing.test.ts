import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIEngine } from '../../../src/engines/openai';
import { forcedChat, type BudgetTrace } from '../../../src/engines/budgetForcing';
import type { ChatStream } from '../../../src/core/chat/chatEngine';
import { startScriptedOpenAIServer, type ScriptedServer } from '../../fixtures/servers/scriptedOpenAIServer';
import { reasoningModelReply, type ReasoningModelScript } from '../../fixtures/servers/scriptedReasoningModel';

const ANSWER = ['```python\n', 'print(42)\n', '```'];
let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function model(script: Omit<ReasoningModelScript, 'model' | 'answer'> & { answer?: string[] }): Promise<ScriptedServer> {
  const full: ReasoningModelScript = { model: 'ocr2', answer: ANSWER, ...script };
  server = await startScriptedOpenAIServer({ respond: (req) => reasoningModelReply(full, req) });
  return server;
}

async function drain(stream: ChatStream): Promise<{ reasoning: string; content: string }> {
  let reasoning = '';
  let content = '';
  for await (const d of stream) {
    reasoning += d.reasoning ?? '';
    content += d.content ?? '';
  }
  return { reasoning, content };
}

const chats = (s: ScriptedServer) => s.requests.filter((r) => r.path !== '/v1/models');

describe('budget forcing over a scripted OpenAI-compatible server', () => {
  it('without a budget the model thinks as long as it likes', async () => {
    const s = await model({ thinking: 30 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const stream = engine.chat([{ role: 'user', content: 'solve' }]);
    const out = await drain(stream);
    expect(out.reasoning.split('step').length - 1).toBe(30);
    expect(out.content).toBe(ANSWER.join(''));
    expect(await stream.usage).toMatchObject({ finishReason: 'stop', reasoningTokens: 32, answerTokens: 3 });
    expect(chats(s)).toHaveLength(1);
  });

  it('budget spent → trace closed → answer produced (chat prefix continuation)', async () => {
    const s = await model({ thinking: 500, delayMs: 2 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 20, maxTokens: 1000 });
    const out = await drain(stream);
    const usage = await stream.usage;
    expect(usage.finishReason).toBe('budget');
    expect(usage.reasoningTokens).toBe(20);
    expect(usage.answerTokens).toBe(3);
    expect(out.content).toBe(ANSWER.join(''));
    // The trace the user sees is the 20 tokens the model wrote ('<think>' was the first chunk).
    expect(out.reasoning).not.toContain('</think>');
    const [first, second] = chats(s);
    expect(first?.clientAborted).toBe(true);
    const msgs = second?.body?.messages as { role: string; content: string }[];
    expect(msgs.at(-1)?.role).toBe('assistant');
    expect(msgs.at(-1)?.content).toMatch(/^<think>step0 [\s\S]*step18\n<\/think>\n\n$/);
    expect(second?.body).toMatchObject({ continue_final_message: true, add_generation_prompt: false, max_tokens: 980 });
  });

  it('closes via /v1/completions with a ChatML prompt when asked to', async () => {
    const s = await model({ thinking: 200 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl, continuation: 'completions' });
    await engine.load('ocr2');
    const stream = engine.chat(
      [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'solve' },
      ],
      { thinkingBudget: 5 },
    );
    const out = await drain(stream);
    expect(out.content).toBe(ANSWER.join(''));
    expect((await stream.usage).finishReason).toBe('budget');
    const second = chats(s)[1];
    expect(second?.path).toBe('/v1/completions');
    expect(second?.body?.prompt).toBe(
      '<|im_start|>system\nsys<|im_end|>\n<|im_start|>user\nsolve<|im_end|>\n<|im_start|>assistant\n<think>step0 step1 step2 step3\n</think>\n\n',
    );
    expect(second?.body?.stop).toEqual(['<|im_end|>', '<|endoftext|>']);
  });

  it('reconstructs the trace from reasoning_content for the continuation', async () => {
    const s = await model({ thinking: 200, wire: 'reasoning_content' });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 3 });
    const out = await drain(stream);
    expect(out.reasoning).toBe('step0 step1 step2');
    expect(out.content).toBe(ANSWER.join(''));
    const msgs = chats(s)[1]?.body?.messages as { role: string; content: string }[];
    expect(msgs.at(-1)?.content).toBe('<think>\nstep0 step1 step2\n</think>\n\n');
  });

  it('a zero budget skips the trace entirely', async () => {
    const s = await model({ thinking: 50 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl, startInReasoning: true });
    await engine.load('ocr2');
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 0 });
    const out = await drain(stream);
    expect(out).toEqual({ reasoning: '', content: ANSWER.join('') });
    expect(chats(s)).toHaveLength(1);
    const msgs = chats(s)[0]?.body?.messages as { role: string; content: string }[];
    expect(msgs.at(-1)?.content).toBe('\n</think>\n\n');
    expect(await stream.usage).toMatchObject({ finishReason: 'budget', reasoningTokens: 0, answerTokens: 3 });
  });

  it('extends with "Wait" when the model closes before the minimum, then answers', async () => {
    const s = await model({ thinking: 4, extraThinking: 6 });
    let trace: BudgetTrace | null = null;
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const backend = engine.backend();
    const stream = forcedChat(
      backend,
      [{ role: 'user', content: 'solve' }],
      {},
      { minThinkingTokens: 16, maxExtensions: 3 },
      (t) => (trace = t),
    );
    const out = await drain(stream);
    expect(out.reasoning).toMatch(/^step0 step1 step2 step3\nWait step1000 /);
    expect(out.reasoning.match(/\nWait step1000 step1001 step1002 step1003 step1004 step1005/g)).toHaveLength(2);
    expect(out.content).toBe(ANSWER.join(''));
    expect(trace).toMatchObject({ extensions: 2, forcedClose: false });
    const continuation = chats(s)[1]?.body?.messages as { role: string; content: string }[];
    expect(continuation.at(-1)?.content).toBe('<think>step0 step1 step2 step3\nWait');
    // The early answer that followed the first </think> never reached the consumer.
    expect(out.content.match(/print\(42\)/g)).toHaveLength(1);
    expect((await stream.usage).finishReason).toBe('stop');
  });

  it('max tokens hold across the forced continuation', async () => {
    const s = await model({ thinking: 100 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 10, maxTokens: 12 });
    const out = await drain(stream);
    expect(chats(s)[1]?.body?.max_tokens).toBe(2);
    expect(out.content).toBe(ANSWER.slice(0, 2).join(''));
    expect((await stream.usage).finishReason).toBe('length');
  });

  it('an abort during the forced answer ends with finish reason abort', async () => {
    const s = await model({ thinking: 100, answer: Array.from({ length: 200 }, (_, i) => `a${i} `), delayMs: 5 });
    const engine = new OpenAIEngine({ baseUrl: s.baseUrl });
    await engine.load('ocr2');
    const controller = new AbortController();
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 5, signal: controller.signal });
    for await (const d of stream) if (d.content?.includes('a3')) controller.abort();
    expect((await stream.usage).finishReason).toBe('abort');
    await new Promise((r) => setTimeout(r, 50));
    expect(chats(s)[1]?.clientAborted).toBe(true);
  });
});
