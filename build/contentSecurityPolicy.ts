/**
 * The page's Content-Security-Policy, sent as a `<meta http-equiv>` in the built index.html so it
 * holds on any static host (contentSecurityPolicyPlugin.ts). Why each directive is what it is:
 * docs/architecture.md, "Content-Security-Policy".
 */
import { createHash } from 'node:crypto';
import { SANDBOX_BOOTSTRAP } from '../src/exec/browser/sandbox/sandboxBootstrap.ts';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // Our own modules and WebAssembly (hash-wasm's content hash runs on the page). The program
  // sandbox is a srcdoc frame, which inherits this policy on top of its own: its bootstrap (by
  // hash), its blob: modules and workers, and Pyodide's eval inside them must pass here as well.
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:', sha256(SANDBOX_BOOTSTRAP)],
  // Stylesheets only from our origin. Inline style elements: only with this page load's nonce,
  // through a second policy the app adds at start (src/ui/inlineStyleNonce.ts). Style attributes
  // are allowed: KaTeX lays out formulas with them; a statement can set none (the sanitiser).
  'style-src': ["'self'"],
  'style-src-elem': ["'self'", "'unsafe-inline'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  // Model weights and endpoints are wherever the teacher points them (Hugging Face, a school
  // server, a LAN machine running vLLM): any http(s) host. Nothing else can connect without script.
  'connect-src': ["'self'", 'blob:', 'data:', 'https:', 'http:'],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The policy as one header value. */
export function contentSecurityPolicy(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
