/**
 * What the in-browser model is given on top of its conversion's `mlc-chat-config.json`.
 *
 * OCR-2 was trained on one user message with no system prompt (docs/method.md). A conversion's
 * `conv_template` carries a default system message (mlc_llm's `qwen2` template: "You are a helpful
 * assistant."; `chatml`: "A conversation between a user and an LLM-based AI assistant…"), and
 * WebLLM renders it as a system turn whenever a request has none — even an empty message still
 * renders `<|im_start|>system\n<|im_end|>\n`. So the app empties the message and tells WebLLM not
 * to render an empty one: the prompt is the user turn and the opened assistant turn, nothing else.
 * tests/unit/webllm/webllmPrompt.test.ts runs WebLLM's own prompt building on it.
 */
import type { ChatOptions } from '@mlc-ai/web-llm';

export const NO_SYSTEM_TURN: ChatOptions = {
  conv_config: { system_message: '', render_empty_system_message: false },
};
