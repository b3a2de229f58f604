/**
 * The service worker and web app manifest (vite-plugin-pwa, Workbox generateSW). What is
 * precached is the app shell and the bundled content, so a visitor who loaded the site once can
 * reopen it, see the problems and replay the recordings with no network. The runtimes (Pyodide,
 * clang, the precompiled header: ~40 MB shipped gzip-compressed, ~130 MB decoded) are fetched,
 * decoded and cached by the page on first use instead, or all at once from the Offline view, and
 * served from that cache cache-first. WebLLM's weights stay in WebLLM's own caches.
 * Updates wait for the visitor: "a new version is ready — reload" (registerType 'prompt').
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { OFFLINE_MANIFEST_FILE, TOOLCHAIN_CACHE, TOOLCHAIN_URL_PATTERN } from './offlineAssets.ts';

/** The WebLLM worker bundle is ~6 MB; Workbox's 2 MiB default would leave it out of the shell. */
const LARGEST_PRECACHED_FILE = 8 * 1024 * 1024;

export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  // src/ui/offline registers the worker itself, to drive the update prompt.
  injectRegister: false,
  manifest: {
    name: 'critique-lab',
    short_name: 'critique-lab',
    description: 'Watch a code model write, critique and pick its own solutions — in your browser.',
    theme_color: '#1d3557',
    background_color: '#ffffff',
    display: 'standalone',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}', OFFLINE_MANIFEST_FILE, 'problems/**/*', 'runs/**/*'],
    // Runtimes are cached on use (below); source maps are for developers online.
    globIgnores: ['**/*.map', 'pyodide/**', 'assets/llvm*', 'assets/*.gz'],
    maximumFileSizeToCacheInBytes: LARGEST_PRECACHED_FILE,
    // The first visit's page is controlled at once, so runtimes it loads are cached already.
    clientsClaim: true,
    runtimeCaching: [
      {
        urlPattern: TOOLCHAIN_URL_PATTERN,
        handler: 'CacheFirst',
        options: { cacheName: TOOLCHAIN_CACHE, cacheableResponse: { statuses: [200] } },
      },
    ],
  },
};
