/** What of the chosen model is in this browser's cache, and deleting it. */
import { deleteCachedModel, inspectModelCache, type ModelCacheReport } from '../../webllm/modelCache';
import { resolveModel } from '../../webllm/modelCatalog';
import type { ModelChoice } from './modelChoice.svelte';

export class ModelCacheView {
  report = $state<ModelCacheReport | null>(null);
  busy = $state(false);

  constructor(private readonly choice: ModelChoice) {}

  async inspect(): Promise<void> {
    if (typeof caches === 'undefined') return;
    try {
      this.report = await inspectModelCache(resolveModel(this.choice.catalog, this.choice.selectedId, this.choice.resolveOptions()));
    } catch {
      this.report = null;
    }
  }

  /** Deletes the chosen model's files; `beforeDelete` frees anything using them first. */
  async delete(beforeDelete: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await beforeDelete();
      await deleteCachedModel(resolveModel(this.choice.catalog, this.choice.selectedId, this.choice.resolveOptions()));
      await this.inspect();
    } finally {
      this.busy = false;
    }
  }

  forget(): void {
    this.report = null;
  }
}
