/**
 * Vite plugin: puts the page's Content-Security-Policy (contentSecurityPolicy.ts) into the built
 * index.html as the first element of its head, so it governs everything after it. Build only: the
 * dev server injects styles as inline `<style>` elements and talks to its client over a
 * WebSocket, which the policy forbids.
 */
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';

export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'critique-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() }, injectTo: 'head-prepend' },
    ],
  };
}
