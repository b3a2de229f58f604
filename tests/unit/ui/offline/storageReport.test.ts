import { describe, expect, it } from 'vitest';
import { CLANG_PREBUILT_CACHE } from '../../../../src/exec/clangCaches/browserPrebuiltStore';
import { PYODIDE_SNAPSHOT_CACHE } from '../../../../src/exec/pyodideSnapshot/browserSnapshotStore';
import { TOOLCHAIN_CACHE } from '../../../../src/exec/runtimeFileNames';
import { cacheNameParts, cacheOwner } from '../../../../src/ui/offline/storageReport';

describe('cacheOwner', () => {
  it('tells each of the caches the app keeps from the others, so the Offline view labels each for what it holds', () => {
    const names = [
      'workbox-precache-v2-https://example.org/',
      TOOLCHAIN_CACHE,
      PYODIDE_SNAPSHOT_CACHE,
      CLANG_PREBUILT_CACHE,
      'webllm/model',
    ];
    expect(names.map((name) => cacheOwner(name, TOOLCHAIN_CACHE))).toEqual([
      'app',
      'runtimes',
      'pythonSnapshot',
      'clangPrebuilt',
      'webllm',
    ]);
  });

  it('counts the toolchains cache as the runtimes only where the service worker names it so', () => {
    expect(cacheOwner(TOOLCHAIN_CACHE, null)).toBe('other');
    expect(cacheOwner('someone-elses-cache', TOOLCHAIN_CACHE)).toBe('other');
  });
});

describe('cacheNameParts', () => {
  it('cuts a name after its separators, keeping "://" whole, and loses no character', () => {
    expect(cacheNameParts('workbox-precache-v2-https://user.github.io/critique-lab/')).toEqual([
      'workbox-',
      'precache-',
      'v2-',
      'https://',
      'user.',
      'github.',
      'io/',
      'critique-',
      'lab/',
    ]);
    expect(cacheNameParts('webllm/model|q4f16_1').join('')).toBe('webllm/model|q4f16_1');
    expect(cacheNameParts('critique-lab-toolchains')).toEqual(['critique-', 'lab-', 'toolchains']);
  });
});
