import { describe, expect, it } from 'vitest';
import { assessModel, checkCapability, recommendModel, type GpuCapability } from '../../../src/webllm/webgpuCapability';
import { bundledCatalog, findModel } from '../../../src/webllm/modelCatalog';

const GiB = 1024 ** 3;
const discrete: GpuCapability = {
  webgpu: 'available',
  adapter: { vendor: 'nvidia', architecture: 'ampere', device: '', description: 'NVIDIA RTX 3080', software: false },
  features: ['shader-f16', 'timestamp-query'],
  shaderF16: true,
  maxBufferSize: 4 * GiB,
  maxStorageBufferBindingSize: 2 * GiB,
  storageAvailableBytes: 100 * GiB,
  crossOriginIsolated: true,
  secureContext: true,
};
const ocr16 = findModel(bundledCatalog, 'OCR-2-7B-q4f16_1-MLC');

describe('capability assessment', () => {
  it('a capable GPU runs OCR-2 q4f16', () => {
    const fit = assessModel(discrete, bundledCatalog, ocr16, 16384);
    expect(fit.verdict).toBe('ok');
    expect(fit.reasons.at(-1)).toMatch(/5\.6 GB of GPU memory at a 16,384-token context/);
    expect(recommendModel(discrete, bundledCatalog)?.id).toBe('OCR-2-7B-q4f16_1-MLC');
  });

  it('without shader-f16 it points to the q4f32 build', () => {
    const noF16 = { ...discrete, features: ['timestamp-query'], shaderF16: false };
    const fit = assessModel(noF16, bundledCatalog, ocr16, 16384);
    expect(fit.verdict).toBe('no');
    expect(fit.insteadId).toBe('OCR-2-7B-q4f32_1-MLC');
    expect(recommendModel(noF16, bundledCatalog)?.id).toBe('OCR-2-7B-q4f32_1-MLC');
  });

  it('SwiftShader (as on this CI machine) is flagged as software, with small buffers', () => {
    const swift: GpuCapability = {
      ...discrete,
      adapter: { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader', software: true },
      features: [],
      shaderF16: false,
      maxBufferSize: GiB,
      maxStorageBufferBindingSize: GiB,
    };
    const fit = assessModel(swift, bundledCatalog, findModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC'), 8192);
    expect(fit.verdict).toBe('warn');
    expect(fit.reasons.join(' ')).toMatch(/software renderer/);
  });

  it('too little storage quota is a hard no', () => {
    const fit = assessModel({ ...discrete, storageAvailableBytes: 2 * GiB }, bundledCatalog, ocr16, 4096);
    expect(fit.verdict).toBe('no');
    expect(fit.reasons[0]).toMatch(/store 2\.0 GB; the weights need 4\.2 GB/);
  });

  it('no WebGPU: nothing is recommended and the reason is given', async () => {
    const cap = await checkCapability({ storage: { estimate: async () => ({ quota: 10 * GiB, usage: GiB }) } });
    expect(cap.webgpu).toBe('no-api');
    expect(cap.storageAvailableBytes).toBe(9 * GiB);
    expect(recommendModel(cap, bundledCatalog)).toBeNull();
    expect(assessModel(cap, bundledCatalog, ocr16, 4096).reasons[0]).toMatch(/navigator\.gpu is missing/);
  });

  it('no adapter is reported as such', async () => {
    const cap = await checkCapability({ gpu: { requestAdapter: async () => null } });
    expect(cap.webgpu).toBe('no-adapter');
  });
});
