/**
 * Vite plugin: builds what clang would otherwise build in the visitor's browser — the precompiled
 * <bits/stdc++.h> (~7 s there), the memory guard's object file (~0.3 s of every page's first
 * compile) and the stdio streams' object file (optimised iostreams, several seconds) — at `npm run build`, with the same @yowasp/clang and the very CppCompiler (flags,
 * sources, keys) the browser uses, and ships them as `assets/<key>.bin`. The clang worker learns
 * the files from `virtual:critique-prebuilt-clang` (none in dev, where the browser builds them).
 * They are built once per key and kept in the disk cache the CLI uses, so later builds take no
 * time for them.
 */
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:critique-prebuilt-clang';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

async function buildPrebuiltFiles(): Promise<Record<string, Uint8Array>> {
  const [{ commands }, { CppCompiler }, { diskPrebuiltStore }] = await Promise.all([
    import('@yowasp/clang'),
    import('../src/exec/runtime/cppCompiler.ts'),
    import('../src/exec/clangCaches/nodePrebuiltStore.ts'),
  ]);
  type Clang = ConstructorParameters<typeof CppCompiler>[0];
  const compiler = new CppCompiler(commands['clang++'] as unknown as Clang, diskPrebuiltStore());
  const [pch, memoryGuard, stdioStreams] = await Promise.all([
    compiler.precompiledHeader(),
    compiler.memoryGuardObject(),
    compiler.stdioStreamsObject(),
  ]);
  if (!pch) throw new Error('clang could not build the precompiled <bits/stdc++.h>');
  if (!memoryGuard) throw new Error("clang could not build the memory guard's object file");
  if (!stdioStreams) throw new Error("clang could not build the stdio streams' object file");
  return { [CppCompiler.pchKey()]: pch, [CppCompiler.memoryGuardKey()]: memoryGuard, [CppCompiler.stdioStreamsKey()]: stdioStreams };
}

export function prebuiltClangFilesPlugin(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'critique-prebuilt-clang-files',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (command === 'serve') return 'export const prebuiltFiles = {};';
      const files: Record<string, string> = {};
      for (const [key, bytes] of Object.entries(await buildPrebuiltFiles())) {
        // Next to the clang worker's own chunk in assets/, so the worker finds them relative to itself.
        files[key] = `${key}.bin`;
        this.emitFile({ type: 'asset', fileName: `assets/${files[key]}`, source: bytes });
      }
      return `/** The prebuilt files by key, relative to the clang worker's script. */\nexport const prebuiltFiles = ${JSON.stringify(files)};`;
    },
  };
}
