/**
 * A picked model folder in Node: Node's File stands in for the browser's picked files (the e2e
 * test picks real folders in Chromium). The folder goes through the same planner and downloader
 * as a host, into a Map-backed cache (tests/fixtures/memoryCacheStorage.ts).
 */
import { describe, expect, it } from 'vitest';
import { downloadModelFiles } from '../../../src/webllm/modelDownloader';
import { planModelFiles } from '../../../src/webllm/modelPlan';
import { bundledCatalog, resolveModel } from '../../../src/webllm/modelCatalog';
import { configExpectation } from '../../../src/webllm/chatConfigCheck';
import {
  explainFolderFailure,
  folderFetch,
  folderLibraryUrl,
  modelFolderFrom,
  verifyModelFolder,
  type PickedFile,
} from '../../../src/webllm/modelFolder';
import { ModelLoadError } from '../../../src/webllm/modelLoadError';
import { chatConfig, EMPTY_WASM_BYTES, SHARD_BYTES, shardBytes, tensorCache, TOKENIZER_JSON } from '../../fixtures/servers/modelFileServer';
import { MemoryCacheStorage } from '../../fixtures/memoryCacheStorage';

const SHARDS = 3;
const file = (name: string, bytes: string | Uint8Array): File => new File([bytes as BlobPart], name);

function picked(options: { manifestName?: string; drop?: string; damage?: number; prefix?: string } = {}): PickedFile[] {
  const dir = options.prefix ?? 'stick/OCR-2-7B-q4f32_1-MLC/';
  const out: PickedFile[] = [
    { path: `${dir}mlc-chat-config.json`, file: file('mlc-chat-config.json', JSON.stringify(chatConfig('q4f32_1'))) },
    { path: `${dir}${options.manifestName ?? 'tensor-cache.json'}`, file: file('tensor-cache.json', JSON.stringify(tensorCache(SHARDS))) },
    { path: `${dir}tokenizer.json`, file: file('tokenizer.json', TOKENIZER_JSON) },
    {
      path: 'stick/Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm',
      file: file('Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm', EMPTY_WASM_BYTES),
    },
  ];
  for (let i = 0; i < SHARDS; i++) {
    const bytes = Buffer.from(shardBytes(i));
    if (options.damage === i) bytes[7] = (bytes[7] ?? 0) ^ 1;
    out.push({ path: `${dir}params_shard_${i}.bin`, file: file(`params_shard_${i}.bin`, bytes) });
  }
  return out.filter((p) => !options.drop || !p.path.endsWith(options.drop));
}

function folderModel(folder: ReturnType<typeof modelFolderFrom>) {
  const id = 'OCR-2-7B-q4f32_1-MLC';
  const resolved = resolveModel(bundledCatalog, id, {
    source: { kind: 'folder' },
    modelLibUrl: folder.library && folderLibraryUrl(id, folder.library.name),
    pageUrl: 'http://localhost/',
  });
  return { resolved, fetch: folderFetch(folder, () => Promise.reject(new Error('no network in this test'))) };
}

describe('model folder', () => {
  it('finds the model (and the library beside it) in a picked folder', async () => {
    const folder = modelFolderFrom(picked());
    expect(folder.label).toBe('stick/OCR-2-7B-q4f32_1-MLC');
    expect([...folder.files.keys()].sort()).toEqual([
      'mlc-chat-config.json',
      'params_shard_0.bin',
      'params_shard_1.bin',
      'params_shard_2.bin',
      'tensor-cache.json',
      'tokenizer.json',
    ]);
    expect(folder.library?.name).toBe('Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm');
    expect((await verifyModelFolder(folder)).records).toHaveLength(SHARDS);
  });

  it('is copied through the ordinary planner and downloader, with the config check, into the keys WebLLM reads', async () => {
    const folder = modelFolderFrom(picked({ manifestName: 'ndarray-cache.json' }));
    const { resolved, fetch } = folderModel(folder);
    const caches = new MemoryCacheStorage();
    const files = await planModelFiles(resolved, { fetch, caches, expect: configExpectation(resolved) });
    const done = await downloadModelFiles(files, { fetch, caches, verifyHashes: true });
    expect(done.cachedFiles).toBe(files.length);
    const model = await caches.open('webllm/model');
    expect(model.entries.get(`${resolved.filesUrl}params_shard_2.bin`)?.byteLength).toBe(SHARD_BYTES);
    expect(model.entries.has(`${resolved.filesUrl}tensor-cache.json`)).toBe(true);
    expect(resolved.filesUrl).toBe('https://local-folder.critique-lab.invalid/OCR-2-7B-q4f32_1-MLC/resolve/main/');
    // The folder's library is cached too (WebLLM caches any library not on localhost).
    expect(
      (await caches.open('webllm/wasm')).entries.get(
        'https://local-folder.critique-lab.invalid/OCR-2-7B-q4f32_1-MLC/lib/Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm',
      )?.byteLength,
    ).toBe(8);
  });

  it('a missing shard, a truncated one, no manifest and no config are each named before copying', async () => {
    await expect(verifyModelFolder(modelFolderFrom(picked({ drop: 'params_shard_1.bin' })))).rejects.toMatchObject({
      kind: 'folder-incomplete',
      file: 'params_shard_1.bin',
    });
    await expect(verifyModelFolder(modelFolderFrom(picked({ drop: 'tensor-cache.json' })))).rejects.toThrow(
      /neither tensor-cache\.json nor ndarray-cache\.json/,
    );
    const truncated = picked().map((p) =>
      p.path.endsWith('params_shard_0.bin') ? { ...p, file: file('params_shard_0.bin', shardBytes(0).subarray(0, 10)) } : p,
    );
    await expect(verifyModelFolder(modelFolderFrom(truncated))).rejects.toMatchObject({ kind: 'file-corrupt', file: 'params_shard_0.bin' });
    expect(() => modelFolderFrom(picked({ drop: 'mlc-chat-config.json' }))).toThrow(/No mlc-chat-config\.json in "stick"/);
    expect(() => modelFolderFrom([])).toThrow(/empty/);
  });

  it('a damaged shard of the right size fails its MD5 during the copy and is not stored', async () => {
    const folder = modelFolderFrom(picked({ damage: 2 }));
    await verifyModelFolder(folder);
    const { resolved, fetch } = folderModel(folder);
    const caches = new MemoryCacheStorage();
    const files = await planModelFiles(resolved, { fetch, caches });
    const err = (await downloadModelFiles(files, { fetch, caches, verifyHashes: true, concurrency: 1 }).catch(
      (e: unknown) => e,
    )) as ModelLoadError;
    expect(err).toMatchObject({ kind: 'file-corrupt', file: 'params_shard_2.bin' });
    expect(err.why).toMatch(/MD5 differs/);
    expect((await caches.open('webllm/model')).entries.has(`${resolved.filesUrl}params_shard_2.bin`)).toBe(false);
    // Without the hash check (a download), only sizes are compared: the same file passes.
    await downloadModelFiles(files, { fetch, caches });
  });

  it('serves only the folder under its origin; other URLs go to the network; a missing file is said in folder terms', async () => {
    const folder = modelFolderFrom(picked());
    const { resolved, fetch } = folderModel(folder);
    expect((await fetch(`${resolved.filesUrl}tokenizer.json`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${resolved.filesUrl}nothing.bin`)).status).toBe(404);
    await expect(fetch('https://huggingface.co/x')).rejects.toThrow(/no network/);
    const missing = new ModelLoadError({
      kind: 'file-missing',
      file: 'tokenizer.json',
      fileKind: 'tokenizer',
      url: `${resolved.filesUrl}tokenizer.json`,
      why: 'x',
      todo: 'y',
    });
    expect(explainFolderFailure(missing, null)).toMatchObject({
      kind: 'folder-incomplete',
      why: "tokenizer.json is not in this browser's cache, and no folder is picked",
    });
  });
});
