import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { sandboxBundlePlugin } from './src/exec/sandbox/sandboxBundlePlugin.ts';

/**
 * Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, which the executors need:
 * Pyodide's interrupt buffer and @wasmer/sdk's threads. Static hosts that cannot set headers get
 * the same from the service worker (see the PWA setup).
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [svelte(), sandboxBundlePlugin()],
  // clang finds its wasm next to its own module (new URL(..., import.meta.url)): don't pre-bundle it.
  optimizeDeps: { exclude: ['@yowasp/clang'] },
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: true },
});
