/**
 * WebLLMEngine against WebLLM's real worker protocol: the real WebWorkerMLCEngine client and the
 * real WebWorkerMLCEngineHandler, connected in-process, with the handler's MLCEngine replaced by
 * a scripted one that emits WebLLM's exact chunk objects (one decode step per chunk, a final
 * chunk with finish_reason, a usage chunk with `extra`) and honours interruptGenerate() the way
 * MLCEngine does (the stream ends with finish_reason "abort").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';
import { ModelWorkerDiedError, WebLLMEngine, type ChatWorkerLike } from '../../../src/webllm/webllmEngine';
import { ModelLoadError, type Prober } from '../../../src/webllm/modelLoadError';
import type { ChatStream } from '../../../src/core/chat/chatEngine';
import { NO_SYSTEM_TURN } from '../../../src/webllm/noSystemTurn';
import { ANSWER, ScriptedMLCEngine } from '../../fixtures/scriptedMLCEngine';

/** An in-process "worker": WebLLM's real handler on the other side of a message hop. */
function inProcessWorker(scripted: ScriptedMLCEngine): ChatWorkerLike & { terminated: boolean; crash(message: string): void } {
  const handler = new WebWorkerMLCEngineHandler();
  (handler as unknown as { engine: unknown }).engine = scripted;
  const errorListeners: ((event: { message?: string }) => void)[] = [];
  let crashed = false;
  const worker = {
    onmessage: null as ((event: unknown) => void) | null,
    terminated: false,
    postMessage(message: unknown) {
      const copy = structuredClone(message);
      setTimeout(() => handler.onmessage(copy), 0);
    },
    terminate() {
      worker.terminated = true;
    },
    addEventListener(_type: 'error', listener: (event: { message?: string }) => void) {
      errorListeners.push(listener);
    },
    /** What a real worker does when it dies: no more messages, an error event on the page's side. */
    crash(message: string) {
      crashed = true;
      for (const listener of errorListeners) listener({ message });
    },
  };
  handler.postMessage = (msg: unknown) => {
    const copy = structuredClone(msg);
    setTimeout(() => {
      if (!crashed) worker.onmessage?.(copy);
    }, 0);
  };
  return worker;
}

const noProbe: Prober = async () => ({ status: 200, head: new Uint8Array([0, 0x61, 0x73, 0x6d]) });

async function drain(stream: ChatStream) {
  let reasoning = '';
  let content = '';
  for await (const d of stream) {
    reasoning += d.reasoning ?? '';
    content += d.content ?? '';
  }
  return { reasoning, content, usage: await stream.usage };
}

let engines: WebLLMEngine[] = [];
afterEach(async () => {
  for (const e of engines) await e.unload();
  engines = [];
});

function make(scripted: ScriptedMLCEngine, prober: Prober = noProbe) {
  const worker = inProcessWorker(scripted);
  const engine = new WebLLMEngine({
    prefetch: false,
    createWorker: () => worker,
    prober,
    modelOptions: () => ({ source: { kind: 'custom', url: 'http://127.0.0.1:9/m' }, contextWindow: 8192 }),
  });
  engines.push(engine);
  return { engine, worker };
}

describe('WebLLMEngine over WebLLM’s worker protocol', () => {
  it('streams reasoning and answer split, with usage and finish reason', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.thinking = 5;
    const { engine } = make(scripted);
    await engine.load('OCR-2-7B-q4f32_1-MLC');
    const out = await drain(engine.chat([{ role: 'user', content: 'solve' }], { temperature: 0.6, topP: 0.95, maxTokens: 500 }));
    expect(out.reasoning).toBe('t0 t1 t2 t3 t4');
    expect(out.content).toBe(ANSWER.join(''));
    expect(out.usage).toMatchObject({ promptTokens: 31, reasoningTokens: 7, answerTokens: 4, finishReason: 'stop' });
    expect(scripted.requests[0]).toMatchObject({ temperature: 0.6, top_p: 0.95, max_tokens: 500, stream_options: { include_usage: true } });
    // The messages go as given (one user message), and the model was loaded with no system turn.
    expect(scripted.requests[0]?.messages).toEqual([{ role: 'user', content: 'solve' }]);
    expect(scripted.reloads).toEqual([[['OCR-2-7B-q4f32_1-MLC'], [NO_SYSTEM_TURN]]]);
  });

  it('abort mid-stream interrupts generation: finish reason abort', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.thinking = 1000;
    scripted.delayMs = 1;
    const { engine } = make(scripted);
    await engine.load('OCR-2-7B-q4f32_1-MLC');
    const controller = new AbortController();
    const stream = engine.chat([{ role: 'user', content: 'solve' }], { signal: controller.signal });
    let seen = 0;
    for await (const d of stream) if (d.reasoning && ++seen === 10) controller.abort();
    const usage = await stream.usage;
    expect(usage.finishReason).toBe('abort');
    expect(usage.reasoningTokens).toBeLessThan(200);
    expect(scripted.interruptSignal).toBe(true);
  });

  it('the worker dying mid-generation ends the stream with a clear error, not a hang; the engine needs a reload', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.thinking = 1000;
    scripted.delayMs = 1;
    const { engine, worker } = make(scripted);
    await engine.load('OCR-2-7B-q4f32_1-MLC');
    const stream = engine.chat([{ role: 'user', content: 'solve' }]);
    let seen = 0;
    const drained = (async () => {
      for await (const d of stream) if (d.reasoning && ++seen === 10) worker.crash('GPU device was lost');
    })();
    await expect(drained).rejects.toThrow(/The model's worker stopped \(GPU device was lost\)[^]*load the model again/);
    await expect(stream.usage).rejects.toBeInstanceOf(ModelWorkerDiedError);
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(engine.phase).toBe('failed');
    expect(worker.terminated).toBe(true);
    // Later calls fail at once with the same reason (a run stops with it instead of hanging).
    expect(() => engine.chat([{ role: 'user', content: 'again' }])).toThrow(ModelWorkerDiedError);
  });

  it('budget forcing: budget spent → trace closed → answer produced via a raw ChatML completion', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.thinking = 1000;
    const { engine } = make(scripted);
    await engine.load('OCR-2-7B-q4f32_1-MLC');
    const out = await drain(engine.chat([{ role: 'user', content: 'solve' }], { thinkingBudget: 12, maxTokens: 100 }));
    expect(out.usage.finishReason).toBe('budget');
    expect(out.usage.reasoningTokens).toBe(12);
    expect(out.content).toBe(ANSWER.join(''));
    const cont = scripted.requests[1];
    expect(cont?.prompt).toMatch(/^<\|im_start\|>user\nsolve<\|im_end\|>\n<\|im_start\|>assistant\n<think>t0 [^]*t10\n<\/think>\n\n$/);
    expect(cont?.max_tokens).toBe(88);
  });

  it('translates WebLLM’s bare Cache error into the missing file, URL and status', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.reloadError = new TypeError("Failed to execute 'add' on 'Cache': Request failed");
    const probed: string[] = [];
    const prober: Prober = async (url) => {
      probed.push(url);
      return url.endsWith('mlc-chat-config.json') ? { status: 404 } : { status: 200 };
    };
    const { engine, worker } = make(scripted, prober);
    const err = (await engine.load('OCR-2-7B-q4f32_1-MLC').catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err).toMatchObject({
      kind: 'file-missing',
      file: 'mlc-chat-config.json',
      status: 404,
      url: 'http://127.0.0.1:9/m/resolve/main/mlc-chat-config.json',
    });
    expect(err.raw).toContain("Failed to execute 'add' on 'Cache'");
    expect(probed[0]).toBe('http://127.0.0.1:9/m/resolve/main/mlc-chat-config.json');
    expect(worker.terminated).toBe(true);
    expect(engine.phase).toBe('failed');
  });

  it('translates shader-f16 and device-lost failures', async () => {
    const scripted = new ScriptedMLCEngine();
    scripted.reloadError = new Error('This model requires WebGPU extension shader-f16, which is not enabled in this browser.');
    const a = make(scripted);
    const err = (await a.engine.load('OCR-2-7B-q4f16_1-MLC').catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'feature-missing' });
    expect(err.todo).toContain('q4f32_1');
    scripted.reloadError = new Error('The WebGPU device was lost while loading the model.');
    const b = make(scripted);
    expect(await b.engine.load('OCR-2-7B-q4f32_1-MLC').catch((e: unknown) => (e as ModelLoadError).kind)).toBe('device-lost');
  });
});
