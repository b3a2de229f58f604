/**
 * Prompt rendering for raw text completions, where the engine (not the server) applies the chat
 * template: WebLLM's `completions.create` and `/v1/completions` take the prompt verbatim. Budget
 * forcing needs this to continue an assistant turn from a prefix. Only ChatML is implemented: the
 * template of Qwen2/Qwen2.5 and so of OCR-2-7B (`--conv-template qwen2` in MLC's gen_config).
 */
import type { ChatMessage } from '../core/chat/chatEngine';

export type PromptFormat = 'chatml';

/**
 * Renders `messages` and opens the assistant turn, followed by `assistantPrefix` verbatim. No
 * system turn is added: the app sends none (OCR-2 was trained without one), and WebLLM is told to
 * render none either (src/webllm/noSystemTurn.ts), so a continuation starts as its chat did.
 */
function renderChatML(messages: ChatMessage[], assistantPrefix = ''): string {
  const parts: string[] = [];
  for (const m of messages) parts.push(`<|im_start|>${m.role}\n${m.content}<|im_end|>\n`);
  parts.push(`<|im_start|>assistant\n${assistantPrefix}`);
  return parts.join('');
}

export function renderPrompt(format: PromptFormat, messages: ChatMessage[], assistantPrefix = ''): string {
  switch (format) {
    case 'chatml':
      return renderChatML(messages, assistantPrefix);
  }
}

/** Stop strings of the format, for servers/engines that need them spelled out in raw completions. */
export function stopStrings(format: PromptFormat): string[] {
  switch (format) {
    case 'chatml':
      return ['<|im_end|>', '<|endoftext|>'];
  }
}
