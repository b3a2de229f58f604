/** An OpenAI-compatible server as the model instead of WebLLM: its URL, key, model name, and connecting. */
import { OpenAIEngine } from '../../engines/openai';
import { restoreFields, saveFields } from '../data/persistedFields';
import type { LiveRunSettings } from '../settings/liveRunSettings.svelte';
import type { ReadyEngine } from './readyEngine';
import { describeError, type ShownError } from './shownError';

const REMEMBERED = ['url', 'model', 'startInReasoning'] as const;

export class EndpointConnection {
  url = $state('http://localhost:8000/v1');
  /** Never remembered. */
  apiKey = $state('');
  model = $state('');
  models = $state<string[]>([]);
  busy = $state(false);
  error = $state<ShownError | null>(null);
  /** The model's chat template opens `<think>` (its output starts inside the trace). */
  startInReasoning = $state(false);

  constructor(
    private readonly generation: LiveRunSettings,
    private readonly storageKey: string | null = null,
  ) {
    restoreFields(storageKey, this, REMEMBERED);
  }

  private engine(): OpenAIEngine {
    return new OpenAIEngine({
      baseUrl: this.url,
      apiKey: this.apiKey || undefined,
      startInReasoning: this.startInReasoning,
      budget: this.generation.budgetPolicy(),
    });
  }

  async listModels(): Promise<void> {
    await this.attempt(async () => {
      this.models = await this.engine().listModels();
      if (!this.model && this.models[0]) this.model = this.models[0];
    });
  }

  /** Resolves with the connected engine, or null when the server could not be used. */
  async connect(): Promise<ReadyEngine | null> {
    saveFields(this.storageKey, this, REMEMBERED);
    let ready: ReadyEngine | null = null;
    await this.attempt(async () => {
      const engine = this.engine();
      await engine.load(this.model);
      ready = { engine, model: { id: this.model, label: `${this.model} @ ${engine.baseUrl}` }, endpoint: engine.baseUrl };
    });
    return ready;
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}
