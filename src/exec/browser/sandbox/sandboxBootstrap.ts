/**
 * The sandbox frame's only inline script: it waits for the page's start message and runs the code
 * that comes with it from a blob: URL. Its own file because two policies name it by its hash: the
 * frame's (sandboxClient.ts) and the page's (build/contentSecurityPolicy.ts), which a srcdoc frame
 * inherits and which must therefore let this one script run too.
 */
import { SANDBOX_START } from './sandboxProtocol';

export const SANDBOX_BOOTSTRAP = `addEventListener('message', async (event) => {
  if (event.source !== parent || !event.data || event.data.type !== '${SANDBOX_START}') return;
  const url = URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }));
  (await import(url)).start(event.ports[0]);
});`;
