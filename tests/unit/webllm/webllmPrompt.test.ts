/**
 * The exact text the in-browser model is given, built by WebLLM's own code: MLCEngine's prefill
 * turns the request into WebLLM's Conversation (getConversationFromChatCompletionRequest, the
 * conversion's conv_template merged with the options the app passes to reload) and the pipeline
 * asks it for getPromptArray(). Only the GPU pipeline is stood in for, by the two calls its
 * prefill makes on the conversation before tokenising (append the user turn, open the assistant
 * turn) — so what is asserted is WebLLM 0.2.86's prompt building on an OCR-2 conversion's config.
 */
import { describe, expect, it } from 'vitest';
import { MLCEngine, type ChatOptions } from '@mlc-ai/web-llm';
import { chatConfig } from '../../fixtures/servers/modelFileServer';
import { trainedCritique, trainedGeneration } from '../../fixtures/trainedPrompts';
import { bundledCatalog, resolveModel } from '../../../src/webllm/modelCatalog';
import { NO_SYSTEM_TURN } from '../../../src/webllm/noSystemTurn';
import { renderPrompt } from '../../../src/engines/chatTemplate';

interface WebLLMConversation {
  appendMessage(role: string, message: string, roleName?: string): void;
  appendReplyHeader(role: string): void;
  getPromptArray(config: unknown): unknown[];
}

/** What LLMChatPipeline does with the conversation WebLLM hands it, up to the prompt text. */
class PromptRecordingPipeline {
  conversation: WebLLMConversation | null = null;
  prompt = '';
  constructor(private readonly config: unknown) {}
  getConversationObject(): WebLLMConversation | null {
    return this.conversation;
  }
  /** "abort": WebLLM then builds a fresh conversation from the request, as for a first request. */
  getFinishReason(): string {
    return 'abort';
  }
  resetChat(): void {}
  setConversation(conversation: WebLLMConversation): void {
    this.conversation = conversation;
  }
  async prefillStep(input: string, role: string, roleName: string | undefined): Promise<void> {
    const conversation = this.conversation!;
    conversation.appendMessage(role, input, roleName);
    conversation.appendReplyHeader('assistant');
    const parts = conversation.getPromptArray(this.config);
    expect(parts.every((p) => typeof p === 'string')).toBe(true);
    this.prompt = parts.join('');
  }
}

/** The prompt WebLLM builds for one user message on a conversion whose default system message is `systemMessage`. */
async function webllmPrompt(content: string, systemMessage: string, chatOpts: ChatOptions | undefined): Promise<string> {
  const file = chatConfig('q4f32_1');
  (file.conv_template as { system_message: string }).system_message = systemMessage;
  const { record } = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', { source: { kind: 'custom', url: 'http://127.0.0.1:9/m' } });
  // How MLCEngine.reload merges them: the conversion's config, the record's overrides, the reload's options.
  const config = { ...file, ...record.overrides, ...chatOpts };
  const pipeline = new PromptRecordingPipeline(config);
  const engine = new MLCEngine() as unknown as {
    prefill(request: unknown, pipeline: unknown, config: unknown, genConfig: unknown): Promise<void>;
  };
  await engine.prefill({ messages: [{ role: 'user', content }], stream: true }, pipeline, config, {});
  return pipeline.prompt;
}

// The default system messages of mlc_llm's two ChatML templates a Qwen2 conversion can carry.
const DEFAULT_SYSTEM_MESSAGES = {
  qwen2: 'You are a helpful assistant.',
  chatml: 'A conversation between a user and an LLM-based AI assistant. The assistant gives helpful and honest answers.',
};

describe("the prompt WebLLM builds for OCR-2's trained templates", () => {
  const question = '# Sum\n\nPrint a+b.\n\n```\n1 2\n```';
  const generation = trainedGeneration('python', 'python', question);
  const critique = trainedCritique(question, '```python\nprint(sum(map(int,input().split())))\n```');

  it.each(Object.entries(DEFAULT_SYSTEM_MESSAGES))(
    'is the user turn alone, whatever system message the %s template carries',
    async (_, systemMessage) => {
      for (const content of [generation, critique]) {
        expect(await webllmPrompt(content, systemMessage, NO_SYSTEM_TURN)).toBe(
          `<|im_start|>user\n${content}<|im_end|>\n<|im_start|>assistant\n`,
        );
      }
    },
  );

  it('would carry the conversion’s default system turn without the app’s options (what they prevent)', async () => {
    expect(await webllmPrompt(generation, DEFAULT_SYSTEM_MESSAGES.qwen2, undefined)).toBe(
      `<|im_start|>system\n${DEFAULT_SYSTEM_MESSAGES.qwen2}<|im_end|>\n<|im_start|>user\n${generation}<|im_end|>\n<|im_start|>assistant\n`,
    );
    // An emptied message alone still renders an empty system turn.
    expect(await webllmPrompt(generation, DEFAULT_SYSTEM_MESSAGES.qwen2, { conv_config: { system_message: '' } })).toBe(
      `<|im_start|>system\n<|im_end|>\n<|im_start|>user\n${generation}<|im_end|>\n<|im_start|>assistant\n`,
    );
  });

  it('the raw prompt budget forcing continues from starts exactly as the chat prompt does', async () => {
    const chat = await webllmPrompt(generation, DEFAULT_SYSTEM_MESSAGES.qwen2, NO_SYSTEM_TURN);
    expect(renderPrompt('chatml', [{ role: 'user', content: generation }], '')).toBe(chat);
  });
});
