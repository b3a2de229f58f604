/**
 * The page's Content-Security-Policy keeps what makes imported content inert: no inline or
 * evaluated script, nothing loaded from another origin but connections (which only script can
 * make), no plugins, no `<base>`, no form posts — and it goes first into the built page's head.
 * That the app works under it is the browser tests' job (tests/e2e/hostileStatement.spec.ts
 * checks it refuses what a sanitiser slip would let through).
 */
import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor } from 'vite';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../build/contentSecurityPolicy';
import { contentSecurityPolicyPlugin } from '../../../build/contentSecurityPolicyPlugin';

const REMOTE = /^(https?:|\*|wss?:)|\.[a-z]/i;

describe('the page policy', () => {
  it('runs only our own scripts: no inline script, no eval, nothing remote', () => {
    const scripts = CONTENT_SECURITY_POLICY['script-src']!;
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((source) => REMOTE.test(source))).toEqual([]);
  });

  it('loads styles, images, fonts, workers and frames from this origin, blob: and data: only', () => {
    for (const directive of [
      'default-src',
      'style-src',
      'style-src-elem',
      'img-src',
      'font-src',
      'worker-src',
      'frame-src',
      'manifest-src',
    ]) {
      expect(
        CONTENT_SECURITY_POLICY[directive]!.filter((source) => REMOTE.test(source)),
        directive,
      ).toEqual([]);
    }
    for (const directive of ['media-src', 'object-src', 'base-uri', 'form-action'])
      expect(CONTENT_SECURITY_POLICY[directive], directive).toEqual(["'none'"]);
  });

  it('is the first element of the built head', () => {
    const plugin = contentSecurityPolicyPlugin();
    expect(plugin.apply).toBe('build');
    const tags = (plugin.transformIndexHtml as () => HtmlTagDescriptor[])();
    expect(tags).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() }, injectTo: 'head-prepend' },
    ]);
    expect(contentSecurityPolicy()).toMatch(
      /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-[A-Za-z0-9+/]{43}='; /,
    );
  });
});
