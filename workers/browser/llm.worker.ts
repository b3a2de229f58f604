/**
 * The model's home: WebLLM's MLCEngine runs here, off the main thread, behind WebLLM's own
 * worker protocol (WebWorkerMLCEngineHandler). The page talks to it through
 * src/webllm/webllmEngine.ts, a thin client over WebLLM's WebWorkerMLCEngine.
 */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => {
  handler.onmessage(event);
};
