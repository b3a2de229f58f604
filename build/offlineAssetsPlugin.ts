/**
 * Vite plugin: ships the runtime files gzip-compressed and writes offline-assets.json (see
 * offlineAssets.ts) listing them with both sizes. It runs last, when every emitted file — the
 * app's, the workers' (clang's wasm is an asset of the clang worker) and the sandbox plugin's
 * Pyodide copies — is in the bundle. Each runtime file is replaced by `<name>.gz` alone: the
 * browser decodes it (src/exec/browser/runtimeFileFetch.ts), so no host is trusted to compress,
 * and the site does not carry both copies.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { COMPRESSED_SUFFIX } from '../src/exec/runtimeFileNames.ts';
import { isRuntimeFile, OFFLINE_MANIFEST_FILE, offlineManifest, type OfflineFile } from './offlineAssets.ts';

const gzipAsync = promisify(gzip);

/** zlib's default: level 9 saves 0.3% on clang's wasm and takes 1.6× as long to build. */
const GZIP_LEVEL = 6;

export function offlineAssetsPlugin(): Plugin {
  return {
    name: 'critique-offline-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const files: OfflineFile[] = [];
        const compressing: Promise<void>[] = [];
        for (const [fileName, output] of Object.entries(bundle)) {
          if (!isRuntimeFile(fileName)) continue;
          const content =
            output.type === 'asset'
              ? typeof output.source === 'string'
                ? new TextEncoder().encode(output.source)
                : output.source
              : new TextEncoder().encode(output.code);
          delete bundle[fileName];
          compressing.push(
            gzipAsync(content, { level: GZIP_LEVEL }).then((compressed) => {
              this.emitFile({ type: 'asset', fileName: `${fileName}${COMPRESSED_SUFFIX}`, source: compressed });
              files.push({ url: fileName, bytes: content.length, wireBytes: compressed.length });
            }),
          );
        }
        await Promise.all(compressing);
        const manifest = offlineManifest(files);
        if (!manifest.groups.every((g) => g.files.length > 0)) {
          this.error(
            `offline-assets: a runtime has no built files (${manifest.groups.map((g) => `${g.id}: ${g.files.length}`).join(', ')})`,
          );
        }
        this.emitFile({ type: 'asset', fileName: OFFLINE_MANIFEST_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
      },
    },
  };
}
