/**
 * The model downloader against a real HTTP fixture host. Node has no Cache API, so a Map-backed
 * one stands in here (tests/fixtures/memoryCacheStorage.ts, with the same atomic puts); the e2e
 * test runs the same code on Chromium's real Cache API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { downloadModelFiles, type DownloadProgress } from '../../../src/webllm/modelDownloader';
import { planModelFiles } from '../../../src/webllm/modelPlan';
import { checkModelLibrary, ModelLoadError, translateLoadFailure, fetchProber } from '../../../src/webllm/modelLoadError';
import { bundledCatalog, resolveFilesUrl, resolveModel } from '../../../src/webllm/modelCatalog';
import { configExpectation } from '../../../src/webllm/chatConfigCheck';
import {
  SHARD_BYTES,
  SHARD_COUNT,
  startModelFileServer,
  type ModelFileServer,
  type Scenario,
} from '../../fixtures/servers/modelFileServer';
import { MemoryCacheStorage } from '../../fixtures/memoryCacheStorage';

let host: ModelFileServer | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function setup(scenario: Scenario, lib: 'bad.wasm' | 'empty.wasm' | 'missing.wasm' = 'empty.wasm') {
  host = await startModelFileServer({ slowChunkDelayMs: 20 });
  const loc = { filesUrl: resolveFilesUrl(host.modelUrl(scenario)), modelLibUrl: host.libUrl(lib) };
  return { host, loc, caches: new MemoryCacheStorage() };
}

describe('model downloader', () => {
  it('plans the files WebLLM reads and downloads them with per-shard progress', async () => {
    const { host, loc, caches } = await setup('ok');
    const files = await planModelFiles(loc, { caches });
    expect(files.map((f) => f.name)).toEqual([
      'mlc-chat-config.json',
      'empty.wasm',
      'tokenizer.json',
      'tensor-cache.json',
      ...Array.from({ length: SHARD_COUNT }, (_, i) => `params_shard_${i}.bin`),
    ]);
    expect(files.find((f) => f.kind === 'library')?.scope).toBe('webllm/wasm');
    const reports: DownloadProgress[] = [];
    const done = await downloadModelFiles(files, { caches, onProgress: (p) => reports.push(p), progressIntervalMs: 0 });
    expect(done.phase).toBe('complete');
    expect(done.loadedBytes).toBe(done.totalBytes);
    expect(done.totalBytes).toBeGreaterThanOrEqual(SHARD_COUNT * SHARD_BYTES);
    expect(done.cachedFiles).toBe(files.length);
    // Per-shard byte progress was reported while downloading.
    expect(reports.some((r) => r.files.some((f) => f.kind === 'shard' && f.state === 'downloading' && f.loadedBytes > 0))).toBe(true);
    expect((await caches.open('webllm/model')).entries.get(`${loc.filesUrl}params_shard_5.bin`)?.byteLength).toBe(SHARD_BYTES);
    expect((await caches.open('webllm/config')).entries.has(`${loc.filesUrl}mlc-chat-config.json`)).toBe(true);
    // Config and manifest were fetched once (planning cached them).
    expect(host.count('/ok/resolve/main/mlc-chat-config.json')).toBe(1);
    expect(host.count('/ok/resolve/main/tensor-cache.json')).toBe(1);
  });

  it('names the missing config with its URL and status', async () => {
    const { loc, caches } = await setup('missing');
    const err = (await planModelFiles(loc, { caches }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err).toMatchObject({
      kind: 'file-missing',
      file: 'mlc-chat-config.json',
      status: 404,
      url: `${loc.filesUrl}mlc-chat-config.json`,
    });
    expect(err.todo).toMatch(/convert_weight/);
  });

  it('loads a folder converted by an older mlc_llm: ndarray-cache.json is stored where WebLLM looks for tensor-cache.json', async () => {
    const { host, loc, caches } = await setup('legacy-manifest');
    const files = await planModelFiles(loc, { caches });
    expect(files.filter((f) => f.kind === 'shard')).toHaveLength(SHARD_COUNT);
    const model = await caches.open('webllm/model');
    expect(model.entries.has(`${loc.filesUrl}tensor-cache.json`)).toBe(true);
    expect(model.entries.has(`${loc.filesUrl}ndarray-cache.json`)).toBe(false);
    expect(host.count('/legacy-manifest/resolve/main/ndarray-cache.json')).toBe(1);
    await downloadModelFiles(files, { caches });
    // Planning again reads the manifest from the cache: nothing is fetched twice.
    await planModelFiles(loc, { caches });
    expect(host.count('/legacy-manifest/resolve/main/ndarray-cache.json')).toBe(1);
    expect(host.count('/legacy-manifest/resolve/main/tensor-cache.json')).toBe(1);
  });

  it('a folder with neither manifest name says both', async () => {
    const { loc, caches } = await setup('no-manifest');
    const err = (await planModelFiles(loc, { caches }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-missing', file: 'tensor-cache.json', status: 404 });
    expect(err.why).toMatch(/neither tensor-cache\.json nor ndarray-cache\.json/);
  });

  it.each([
    [
      'vocab-mismatch',
      'vocab_size',
      /vocab_size is 151936, but it must be 152064 \(compiled into Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu\.wasm\)/,
    ],
    ['chunk-mismatch', 'prefill_chunk_size', /prefill_chunk_size is 2048, but it must be at most 1024/],
    [
      'template-mismatch',
      'conv_template.stop_token_ids',
      /conv_template\.stop_token_ids is \[151643\], but it must be a list containing 151645/,
    ],
    ['quant-mismatch', 'quantization', /quantization is "q4f16_1", but it must be "q4f32_1"/],
  ] as const)('%s: the config is checked against the library before anything else is fetched', async (scenario, field, why) => {
    const { host, loc, caches } = await setup(scenario);
    const resolved = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', {
      source: { kind: 'custom', url: host.modelUrl(scenario) },
      contextWindow: 16384,
    });
    const err = (await planModelFiles({ ...loc, filesUrl: resolved.filesUrl }, { caches, expect: configExpectation(resolved) }).catch(
      (e: unknown) => e,
    )) as ModelLoadError;
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err).toMatchObject({ kind: 'config-mismatch', file: 'mlc-chat-config.json', url: `${resolved.filesUrl}mlc-chat-config.json` });
    expect(err.why).toMatch(why);
    expect(err.why).toContain(field);
    expect(err.todo.length).toBeGreaterThan(20);
    expect(host.log).toEqual([`/${scenario}/resolve/main/mlc-chat-config.json`]);
    // Not kept: a corrected config on the host is read next time.
    expect((await caches.open('webllm/config')).entries.size).toBe(0);
  });

  it('a matching conversion passes the check; a context window beyond the config is named', async () => {
    const { host, loc, caches } = await setup('ok');
    const ok = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', {
      source: { kind: 'custom', url: host.modelUrl('ok') },
      contextWindow: 32768,
    });
    expect(await planModelFiles(loc, { caches, expect: configExpectation(ok) })).toHaveLength(4 + SHARD_COUNT);
    const tooLong = resolveModel(bundledCatalog, 'OCR-2-7B-q4f32_1-MLC', {
      source: { kind: 'custom', url: host.modelUrl('ok') },
      contextWindow: 65536,
    });
    const err = (await planModelFiles(loc, { caches, expect: configExpectation(tooLong) }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'config-mismatch' });
    expect(err.why).toMatch(/context_window_size is 32768, but it must be at least 65536/);
    expect(err.todo).toMatch(/Lower the context window to 32768/);
  });

  it('rejects an HTML page served as the config', async () => {
    const { loc, caches } = await setup('html-config');
    const err = (await planModelFiles(loc, { caches }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-corrupt', file: 'mlc-chat-config.json' });
    expect(err.why).toMatch(/HTML page/);
  });

  it('a truncated shard is caught by its size and not cached', async () => {
    const { loc, caches } = await setup('corrupt-shard');
    const files = await planModelFiles(loc, { caches });
    const err = (await downloadModelFiles(files, { caches }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-corrupt', file: 'params_shard_2.bin' });
    expect(err.why).toContain(
      `${(SHARD_BYTES - 1000).toLocaleString('en-US')} bytes but tensor-cache.json says ${SHARD_BYTES.toLocaleString('en-US')}`,
    );
    expect((await caches.open('webllm/model')).entries.has(`${loc.filesUrl}params_shard_2.bin`)).toBe(false);
  });

  it('a missing shard is named; a library that is not wasm is caught', async () => {
    const a = await setup('missing-shard');
    const err = (await downloadModelFiles(await planModelFiles(a.loc, { caches: a.caches }), { caches: a.caches }).catch(
      (e: unknown) => e,
    )) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-missing', file: 'params_shard_3.bin', status: 404 });
    await host?.close();
    const b = await setup('ok', 'bad.wasm');
    const err2 = (await downloadModelFiles(await planModelFiles(b.loc, { caches: b.caches }), { caches: b.caches }).catch(
      (e: unknown) => e,
    )) as ModelLoadError;
    expect(err2).toMatchObject({ kind: 'library-invalid', fileKind: 'library' });
  });

  it('resumes after an interruption without re-downloading finished shards', async () => {
    const { host, loc, caches } = await setup('flaky-shard');
    const files = await planModelFiles(loc, { caches });
    const err = (await downloadModelFiles(files, { caches, concurrency: 1 }).catch((e: unknown) => e)) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-http', file: 'params_shard_4.bin', status: 503 });
    const second: DownloadProgress[] = [];
    await downloadModelFiles(files, { caches, concurrency: 1, onProgress: (p) => second.push(p) });
    expect(second[0]?.files.filter((f) => f.state === 'cached').map((f) => f.name)).toEqual(
      expect.arrayContaining(['params_shard_0.bin', 'params_shard_3.bin']),
    );
    for (let i = 0; i < 4; i++) expect(host.count(`/flaky-shard/resolve/main/params_shard_${i}.bin`)).toBe(1);
    expect(host.count('/flaky-shard/resolve/main/params_shard_4.bin')).toBe(2);
  });

  it('cancel stops at once; finished shards stay cached', async () => {
    const { loc, caches } = await setup('slow');
    const files = await planModelFiles(loc, { caches });
    const controller = new AbortController();
    const p = downloadModelFiles(files, {
      caches,
      signal: controller.signal,
      concurrency: 1,
      onProgress: (r) => {
        if (r.files.some((f) => f.name === 'params_shard_1.bin' && f.state === 'downloading' && f.loadedBytes > 0)) controller.abort();
      },
    });
    const err = (await p.catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('AbortError');
    const model = await caches.open('webllm/model');
    expect(model.entries.has(`${loc.filesUrl}params_shard_0.bin`)).toBe(true);
    expect(model.entries.has(`${loc.filesUrl}params_shard_1.bin`)).toBe(false);
  });

  it('a wasm module that is not a model library is named when WebLLM fails opaquely', async () => {
    const { host } = await setup('ok');
    expect(await checkModelLibrary(host.libUrl('empty.wasm'))).toMatchObject({ kind: 'library-incompatible' });
    expect(await checkModelLibrary(host.libUrl('bad.wasm'))).toMatchObject({ kind: 'library-invalid' });
    expect(await checkModelLibrary(host.libUrl('missing.wasm'))).toMatchObject({ kind: 'file-missing', status: 404 });
    const filesUrl = resolveFilesUrl(host.modelUrl('ok'));
    // WebLLM's actual message for this case (seen in Chromium): a TypeError from the TVM runtime.
    const err = await translateLoadFailure("TypeError: Cannot read properties of undefined (reading 'buffer')", {
      targets: [
        { file: 'mlc-chat-config.json', fileKind: 'config', url: `${filesUrl}mlc-chat-config.json` },
        { file: 'empty.wasm', fileKind: 'library', url: host.libUrl('empty.wasm') },
      ],
      probe: fetchProber(),
      modelLabel: 'fixture',
    });
    expect(err).toMatchObject({ kind: 'library-incompatible', url: host.libUrl('empty.wasm') });
    expect(err.raw).toContain("reading 'buffer'");
  });
});
