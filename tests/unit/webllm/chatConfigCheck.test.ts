import { describe, expect, it } from 'vitest';
import { configExpectation, configMismatches } from '../../../src/webllm/chatConfigCheck';
import { bundledCatalog, resolveModel } from '../../../src/webllm/modelCatalog';
import type { ChatConfigLike } from '../../../src/webllm/modelFiles';
import { chatConfig } from '../../fixtures/servers/modelFileServer';

const ocr = (options: { contextWindow?: number; modelLibUrl?: string } = {}) =>
  configExpectation(resolveModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC', { ...options, pageUrl: 'https://app.example/' }));
const config = (flaw?: 'vocab' | 'chunk' | 'template' | 'quant'): ChatConfigLike => chatConfig('q4f16_1', flaw) as ChatConfigLike;

describe('mlc-chat-config.json against the model library', () => {
  it('the expectation comes from the catalog and the library name', () => {
    expect(ocr()).toMatchObject({
      quantization: 'q4f16_1',
      vocabSize: 152064,
      prefillChunkSize: 1024,
      contextWindow: 16384,
      stopTokenIds: [151645],
      libraryName: 'Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu.wasm',
    });
  });

  it('a gen_config output for OCR-2-7B passes', () => {
    expect(configMismatches(config(), ocr())).toEqual([]);
  });

  it('names each field with both values', () => {
    expect(configMismatches(config('vocab'), ocr())).toEqual([
      expect.objectContaining({
        field: 'vocab_size',
        found: '151936',
        expected: '152064 (compiled into Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu.wasm)',
      }),
    ]);
    expect(configMismatches(config('chunk'), ocr())[0]).toMatchObject({ field: 'prefill_chunk_size', found: '2048' });
    expect(configMismatches(config('quant'), ocr())[0]).toMatchObject({ field: 'quantization', found: '"q4f32_1"', expected: '"q4f16_1"' });
    expect(configMismatches(config('template'), ocr())[0]).toMatchObject({ field: 'conv_template.stop_token_ids', found: '[151643]' });
    expect(configMismatches(config(), ocr({ contextWindow: 65536 }))[0]).toMatchObject({ field: 'context_window_size', found: '32768' });
  });

  it('a template given by name is accepted if ChatML, and absent fields are reported as absent', () => {
    expect(configMismatches({ ...config(), conv_template: 'qwen2' }, ocr())).toEqual([]);
    expect(configMismatches({ ...config(), conv_template: 'llama-3' }, ocr())[0]).toMatchObject({
      field: 'conv_template',
      found: '"llama-3"',
    });
    const bare: ChatConfigLike = { tokenizer_files: ['tokenizer.json'] };
    expect(configMismatches(bare, ocr()).map((m) => [m.field, m.found])).toEqual([
      ['vocab_size', '(absent)'],
      ['prefill_chunk_size', '(absent)'],
      ['context_window_size', '(absent)'],
      ['conv_template', '(absent)'],
    ]);
  });

  it("a library of the user's own: its vocabulary is not known here, its chunk size is read from its name", () => {
    const own = ocr({ modelLibUrl: 'https://libs.example/OCR-14B-q4f16_1_cs2k-webgpu.wasm' });
    expect(own.vocabSize).toBeUndefined();
    expect(own.prefillChunkSize).toBe(2048);
    expect(configMismatches(config('vocab'), own)).toEqual([]);
  });
});
