/**
 * Vite plugin: writes offline-assets.json (see offlineAssets.ts) listing the built runtime files
 * and their sizes. It runs last, when every emitted file — the app's, the workers' (clang's wasm
 * is an asset of the clang worker) and the sandbox plugin's Pyodide copies — is in the bundle.
 */
import type { Plugin } from 'vite';
import { OFFLINE_MANIFEST_FILE, offlineManifest, type OfflineFile } from './offlineAssets.ts';

export function offlineAssetsPlugin(): Plugin {
  return {
    name: 'critique-offline-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files: OfflineFile[] = [];
        for (const [fileName, output] of Object.entries(bundle)) {
          const bytes = output.type === 'asset' ? (typeof output.source === 'string' ? new TextEncoder().encode(output.source).length : output.source.length) : output.code.length;
          files.push({ url: fileName, bytes });
        }
        const manifest = offlineManifest(files);
        if (!manifest.groups.every((g) => g.files.length > 0)) {
          this.error(`offline-assets: a runtime has no built files (${manifest.groups.map((g) => `${g.id}: ${g.files.length}`).join(', ')})`);
        }
        this.emitFile({ type: 'asset', fileName: OFFLINE_MANIFEST_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
      },
    },
  };
}
