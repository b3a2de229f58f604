/**
 * Vite plugin: builds clang's precompiled <bits/stdc++.h> at `npm run build` — with the same
 * @yowasp/clang and the very CppCompiler (flags, shim, key) the browser uses — and ships it as
 * `assets/stdcpp-<key>.pch`, so a visitor's first C++ compile fetches ~18 MB instead of spending
 * ~7 s building it. The clang worker learns the file from `virtual:critique-pch` (null in dev,
 * where the browser builds the header as before). The header is built once per key and kept in
 * the same disk cache the CLI uses, so later builds take no time for it.
 */
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:critique-pch';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

async function buildPch(): Promise<{ key: string; bytes: Uint8Array }> {
  const [{ commands }, { CppCompiler }, { diskPchStore }] = await Promise.all([
    import('@yowasp/clang'),
    import('../src/exec/runtime/cppCompiler.ts'),
    import('../src/exec/node/pchDiskStore.ts'),
  ]);
  type Clang = ConstructorParameters<typeof CppCompiler>[0];
  const compiler = new CppCompiler(commands['clang++'] as unknown as Clang, diskPchStore());
  const bytes = await compiler.precompiledHeader();
  if (!bytes) throw new Error('clang could not build the precompiled <bits/stdc++.h>');
  return { key: CppCompiler.pchKey(), bytes };
}

export function pchAssetPlugin(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'critique-prebuilt-pch',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (command === 'serve') return 'export const prebuiltPchFile = null;';
      const { key, bytes } = await buildPch();
      // Next to the clang worker's own chunk in assets/, so the worker finds it relative to itself.
      const file = `${key}.pch`.replace(/^stdcpp-pch-/, 'stdcpp-');
      this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: bytes });
      return `/** The prebuilt header, relative to the clang worker's script. */\nexport const prebuiltPchFile = ${JSON.stringify(file)};`;
    },
  };
}
