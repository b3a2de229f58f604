import { describe, expect, it } from 'vitest';
import { modelLibURLPrefix, modelVersion, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { readFileSync } from 'node:fs';
import {
  bundledCatalog,
  conversionCredit,
  estimateVramMB,
  f32Sibling,
  findModel,
  libraryPrefillChunk,
  modelLibUrlOf,
  parseCatalog,
  resolveFilesUrl,
  resolveModel,
} from '../../../src/webllm/modelCatalog';

describe('model catalog', () => {
  it('uses the model-library folder of the installed WebLLM', () => {
    expect(bundledCatalog.modelLibBase).toBe(`${modelLibURLPrefix}${modelVersion}/`);
  });

  it('every model library is one WebLLM ships prebuilt', () => {
    const libs = new Set(prebuiltAppConfig.model_list.map((m) => m.model_lib));
    for (const m of bundledCatalog.models) expect(libs, m.id).toContain(modelLibUrlOf(bundledCatalog, m));
  });

  it('OCR-2 runs on the prebuilt Qwen2-7B library in both quantizations', () => {
    expect(modelLibUrlOf(bundledCatalog, findModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC'))).toMatch(
      /\/Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu\.wasm$/,
    );
    expect(modelLibUrlOf(bundledCatalog, findModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC'))).toMatch(
      /\/Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu\.wasm$/,
    );
  });

  it("OCR-2-7B defaults to JackBinary's community conversions, credited as such", () => {
    for (const q of ['q4f16_1', 'q4f32_1']) {
      const m = findModel(bundledCatalog, `OCR-2-7B-${q}-MLC`);
      expect(m.weights.url).toBe(`https://huggingface.co/JackBinary/OpenCodeReasoning-Nemotron-1.1-7B-${q}-MLC`);
      expect(m.weights.conversion).toBe('community');
      expect(conversionCredit(m)).toBe(
        'Community conversion: published by JackBinary on Hugging Face, converted from nvidia/OpenCodeReasoning-Nemotron-1.1-7B — not published by NVIDIA.',
      );
      expect(m.weights.selfHostedPath).toBe(`models/OCR-2-7B-${q}-MLC/`);
    }
  });

  it('no placeholder URL remains as a default, and every prebuilt entry is credited to mlc-ai', () => {
    expect(readFileSync('models/catalog.json', 'utf8')).not.toMatch(/YOUR-|PLACEHOLDER|example\.com/i);
    for (const m of bundledCatalog.models) {
      expect(new URL(m.weights.url).host, m.id).toBe('huggingface.co');
      if (m.weights.conversion === 'webllm-prebuilt') expect(m.weights.publishedBy, m.id).toBe('mlc-ai');
    }
  });

  it('the OCR-2 library is the one WebLLM ships for Qwen2.5-7B-Instruct, and its shape is what the config check expects', () => {
    for (const q of ['q4f16_1', 'q4f32_1']) {
      const m = findModel(bundledCatalog, `OCR-2-7B-${q}-MLC`);
      const qwen25 = prebuiltAppConfig.model_list.find((r) => r.model_id === `Qwen2.5-7B-Instruct-${q}-MLC`);
      expect(modelLibUrlOf(bundledCatalog, m)).toBe(qwen25?.model_lib);
      expect(libraryPrefillChunk(modelLibUrlOf(bundledCatalog, m))).toBe(1024);
      expect(m.libraryShape).toEqual({ vocabSize: 152064, stopTokenIds: [151645] });
    }
  });

  it('no 14B entry: WebLLM 0.2.86 ships no Qwen2.5-14B-shaped library to run OCR-2-14B on', () => {
    // If a future WebLLM adds one, this fails: add the 14B community conversion then.
    const libs = prebuiltAppConfig.model_list.map((r) => r.model_lib.split('/').pop() ?? '');
    expect(libs.filter((l) => /14B/i.test(l))).toEqual([]);
    expect(prebuiltAppConfig.model_list.filter((r) => /Qwen2\.5-14B/i.test(r.model_id))).toEqual([]);
    expect(bundledCatalog.models.filter((m) => /14B/.test(m.sourceModel))).toEqual([]);
  });

  it('prebuilt entries match WebLLM’s own records (weights URL, VRAM at its context)', () => {
    for (const m of bundledCatalog.models.filter((x) => x.weights.conversion === 'webllm-prebuilt')) {
      const pre = prebuiltAppConfig.model_list.find((r) => r.model_id === m.id);
      expect(pre, m.id).toBeDefined();
      expect(pre?.model).toBe(m.weights.url);
      expect(pre?.vram_required_MB).toBeCloseTo(m.vramRequiredMB, 1);
      expect(pre?.overrides?.context_window_size).toBe(m.vramContextWindow);
    }
  });

  it('every f16 model has an f32 sibling for GPUs without shader-f16', () => {
    for (const m of bundledCatalog.models.filter(
      (x) => x.quantization === 'q4f16_1' && x.family !== 'Qwen2.5-Coder' && x.family !== 'DeepSeek-R1-Distill',
    )) {
      expect(f32Sibling(bundledCatalog, m)?.requiredFeatures, m.id).toEqual([]);
    }
  });

  it('estimates VRAM from the KV cache per token', () => {
    const ocr = findModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC');
    expect(estimateVramMB(ocr, 4096)).toBeCloseTo(5106.7, 1);
    // 28 layers × 2 (K,V) × 4 KV heads × 128 dims × 2 bytes = 56 KiB per token.
    expect(estimateVramMB(ocr, 16384)).toBeCloseTo(5106.67 + (12288 * 56) / 1024, 0);
  });

  it('resolves URLs the way WebLLM reads them', () => {
    expect(resolveFilesUrl('https://huggingface.co/u/m')).toBe('https://huggingface.co/u/m/resolve/main/');
    expect(resolveFilesUrl('https://h/x/resolve/v2/')).toBe('https://h/x/resolve/v2/');
    const r = resolveModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC', {
      source: { kind: 'self-hosted' },
      pageUrl: 'https://app.example/lab/index.html#/model',
      contextWindow: 8192,
    });
    expect(r.modelUrl).toBe('https://app.example/lab/models/OCR-2-7B-q4f16_1-MLC/');
    expect(r.filesUrl).toBe('https://app.example/lab/models/OCR-2-7B-q4f16_1-MLC/resolve/main/');
    expect(r.record).toMatchObject({
      model_id: 'OCR-2-7B-q4f16_1-MLC',
      overrides: { context_window_size: 8192 },
      required_features: ['shader-f16'],
    });
    const custom = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', {
      source: { kind: 'custom', url: 'http://127.0.0.1:9/w' },
      modelLibUrl: './libs/q.wasm',
      pageUrl: 'http://localhost:4173/',
    });
    expect(custom.modelLibUrl).toBe('http://localhost:4173/libs/q.wasm');
    expect(custom.record.required_features).toBeUndefined();
    // A relative folder typed as "Other URL" resolves against the page, as self-hosting does.
    const rel = resolveModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC', {
      source: { kind: 'custom', url: 'weights/ocr2' },
      pageUrl: 'https://school.example/lab/index.html#/model',
    });
    expect(rel.filesUrl).toBe('https://school.example/lab/weights/ocr2/resolve/main/');
  });

  it('rejects a malformed catalog', () => {
    expect(() => parseCatalog({ version: 1, modelLibBase: 'https://x/', models: [] })).toThrow();
    const dup = { ...bundledCatalog, models: [bundledCatalog.models[0], bundledCatalog.models[0]] };
    expect(() => parseCatalog(dup)).toThrow(/duplicate/);
  });
});
