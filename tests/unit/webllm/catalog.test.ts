import { describe, expect, it } from 'vitest';
import { modelLibURLPrefix, modelVersion, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { bundledCatalog, estimateVramMB, f32Sibling, findModel, modelLibUrlOf, parseCatalog, resolveFilesUrl, resolveModel } from '../../../src/webllm/modelCatalog';

describe('model catalog', () => {
  it('uses the model-library folder of the installed WebLLM', () => {
    expect(bundledCatalog.modelLibBase).toBe(`${modelLibURLPrefix}${modelVersion}/`);
  });

  it('every model library is one WebLLM ships prebuilt', () => {
    const libs = new Set(prebuiltAppConfig.model_list.map((m) => m.model_lib));
    for (const m of bundledCatalog.models) expect(libs, m.id).toContain(modelLibUrlOf(bundledCatalog, m));
  });

  it('OCR-2 runs on the prebuilt Qwen2-7B library in both quantizations', () => {
    expect(modelLibUrlOf(bundledCatalog, findModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC'))).toMatch(/\/Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu\.wasm$/);
    expect(modelLibUrlOf(bundledCatalog, findModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC'))).toMatch(/\/Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu\.wasm$/);
  });

  it('prebuilt entries match WebLLM’s own records (weights URL, VRAM at its context)', () => {
    for (const m of bundledCatalog.models.filter((x) => !x.weights.needsHosting)) {
      const pre = prebuiltAppConfig.model_list.find((r) => r.model_id === m.id);
      expect(pre, m.id).toBeDefined();
      expect(pre?.model).toBe(m.weights.url);
      expect(pre?.vram_required_MB).toBeCloseTo(m.vramRequiredMB, 1);
      expect(pre?.overrides?.context_window_size).toBe(m.vramContextWindow);
    }
  });

  it('every f16 model has an f32 sibling for GPUs without shader-f16', () => {
    for (const m of bundledCatalog.models.filter((x) => x.quantization === 'q4f16_1' && x.family !== 'Qwen2.5-Coder' && x.family !== 'DeepSeek-R1-Distill')) {
      expect(f32Sibling(bundledCatalog, m)?.requiredFeatures, m.id).toEqual([]);
    }
  });

  it('estimates VRAM from the KV cache per token', () => {
    const ocr = findModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC');
    expect(estimateVramMB(ocr, 4096)).toBeCloseTo(5106.7, 1);
    // 28 layers × 2 (K,V) × 4 KV heads × 128 dims × 2 bytes = 56 KiB per token.
    expect(estimateVramMB(ocr, 16384)).toBeCloseTo(5106.67 + 12288 * 56 / 1024, 0);
  });

  it('resolves URLs the way WebLLM reads them', () => {
    expect(resolveFilesUrl('https://huggingface.co/u/m')).toBe('https://huggingface.co/u/m/resolve/main/');
    expect(resolveFilesUrl('https://h/x/resolve/v2/')).toBe('https://h/x/resolve/v2/');
    const r = resolveModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC', { source: { kind: 'self-hosted' }, pageUrl: 'https://app.example/lab/index.html#/model', contextWindow: 8192 });
    expect(r.modelUrl).toBe('https://app.example/lab/models/OCR-2-7B-q4f16_1-MLC/');
    expect(r.filesUrl).toBe('https://app.example/lab/models/OCR-2-7B-q4f16_1-MLC/resolve/main/');
    expect(r.record).toMatchObject({ model_id: 'OCR-2-7B-q4f16_1-MLC', overrides: { context_window_size: 8192 }, required_features: ['shader-f16'] });
    const custom = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', { source: { kind: 'custom', url: 'http://127.0.0.1:9/w' }, modelLibUrl: './libs/q.wasm', pageUrl: 'http://localhost:4173/' });
    expect(custom.modelLibUrl).toBe('http://localhost:4173/libs/q.wasm');
    expect(custom.record.required_features).toBeUndefined();
  });

  it('rejects a malformed catalog', () => {
    expect(() => parseCatalog({ version: 1, modelLibBase: 'https://x/', models: [] })).toThrow();
    const dup = { ...bundledCatalog, models: [bundledCatalog.models[0], bundledCatalog.models[0]] };
    expect(() => parseCatalog(dup)).toThrow(/duplicate/);
  });
});
