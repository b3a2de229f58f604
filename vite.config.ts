import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicyPlugin } from './build/contentSecurityPolicyPlugin.ts';
import { offlineAssetsPlugin } from './build/offlineAssetsPlugin.ts';
import { prebuiltClangFilesPlugin } from './build/prebuiltClangFilesPlugin.ts';
import { pwaOptions } from './build/pwaOptions.ts';
import { sandboxBundlePlugin } from './build/sandboxBundlePlugin.ts';

/**
 * Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, which lets the judge stop
 * a Python program at its time limit through Pyodide's interrupt buffer and keep the interpreter
 * warm. Hosts that cannot send these headers still work: the judge kills and respawns the worker.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [svelte(), contentSecurityPolicyPlugin(), sandboxBundlePlugin(), offlineAssetsPlugin(), VitePWA(pwaOptions)],
  // clang finds its wasm next to its own module (new URL(..., import.meta.url)): don't pre-bundle it.
  optimizeDeps: { exclude: ['@yowasp/clang'] },
  // The clang worker imports virtual:critique-prebuilt-clang (the PCH and memory guard built here).
  worker: { format: 'es', plugins: () => [prebuiltClangFilesPlugin()] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: true },
});
