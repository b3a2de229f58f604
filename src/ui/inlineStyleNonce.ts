/**
 * Our one inline `<style>` element (CodeMirror writes its theme into one) carries a nonce drawn
 * for this page load, and a second Content-Security-Policy, added here before anything renders,
 * lets inline style elements in only with it. The static policy in index.html cannot hold a nonce
 * (the file is the same for every visitor), so it allows inline style elements and this one
 * narrows them: a page obeys every policy it has. A statement could not learn the nonce (it runs
 * no script, and browsers hide nonces from CSS). Build only, like the static policy: the dev
 * server injects its styles as inline elements without it.
 */
// getRandomValues, not randomUUID: the latter exists only in secure contexts (not on plain http).
export const INLINE_STYLE_NONCE = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export function requireInlineStyleNonce(): void {
  if (!import.meta.env.PROD) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `style-src-elem 'self' 'nonce-${INLINE_STYLE_NONCE}'`;
  document.head.append(meta);
}
