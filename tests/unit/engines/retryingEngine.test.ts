/**
 * The retrying engine against a real HTTP server: a request that keeps failing with a retryable
 * status is tried retries + 1 times and then fails with the server's error; a refusal that no
 * retry can fix (HTTP 401) fails on the first attempt; an abort during the back-off ends at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError } from '../../../src/core/chat/chatEngine';
import { collectReply } from '../../../src/engines/collectedReply';
import { OpenAIEngine } from '../../../src/engines/openai';
import { RetryingEngine } from '../../../src/engines/retryingEngine';
import { startScriptedOpenAIServer, type ScriptedServer } from '../../fixtures/servers/scriptedOpenAIServer';

let server: ScriptedServer;
let status = 503;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ respond: () => ({ status, json: { error: { message: `status ${status}` } } }) });
});

afterAll(async () => {
  await server?.close();
});

async function engine(retries: number, baseDelayMs = 1): Promise<RetryingEngine> {
  const inner = new OpenAIEngine({ baseUrl: server.baseUrl, verifyModel: false });
  await inner.load('m');
  return new RetryingEngine(inner, { retries, baseDelayMs, maxDelayMs: baseDelayMs, requestTimeoutMs: 5000 });
}

describe('RetryingEngine', () => {
  it('tries a retryable failure retries + 1 times, then reports it', async () => {
    status = 503;
    const before = server.requests.length;
    await expect(collectReply((await engine(2)).chat([{ role: 'user', content: 'hi' }]))).rejects.toThrow(/HTTP 503/);
    expect(server.requests.length - before).toBe(3);
  });

  it('does not retry what no retry can fix', async () => {
    status = 401;
    const before = server.requests.length;
    await expect(collectReply((await engine(5)).chat([{ role: 'user', content: 'hi' }]))).rejects.toThrow(/unauthorised/);
    expect(server.requests.length - before).toBe(1);
  });

  it('stops waiting to retry when aborted', async () => {
    status = 429;
    const controller = new AbortController();
    const reply = collectReply((await engine(5, 60_000)).chat([{ role: 'user', content: 'hi' }], { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    await expect(reply).rejects.toBeInstanceOf(AbortedError);
  });
});
