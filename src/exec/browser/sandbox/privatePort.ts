/**
 * Sandbox workers serve their API on a MessagePort the frame sends as the first message, never on
 * the worker's global scope: a program that calls `postMessage` (Python: `js.postMessage`) cannot
 * forge a reply. The global message listener is removed once the port has arrived.
 */
import * as Comlink from 'comlink';

export function serveOnPrivatePort(api: object): void {
  const onFirst = (event: MessageEvent): void => {
    const port = (event.data as { port?: MessagePort } | null)?.port;
    if (!(port instanceof MessagePort)) return;
    self.removeEventListener('message', onFirst);
    Comlink.expose(api, port);
  };
  self.addEventListener('message', onFirst);
}

/**
 * Defence in depth after start-up (the frame's opaque origin and CSP are the real boundary):
 * remove network and storage entry points from this worker's global scope and its prototypes.
 */
export function removeNetworkAndStorage(): void {
  const names = [
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'WebSocketStream',
    'EventSource',
    'WebTransport',
    'importScripts',
    'indexedDB',
    'caches',
    'BroadcastChannel',
    'Worker',
    'SharedWorker',
    'navigator',
    'Request',
    'Response',
  ];
  for (let target: object | null = globalThis; target && target !== Object.prototype; target = Object.getPrototypeOf(target)) {
    for (const name of names) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name);
      if (!descriptor) continue;
      try {
        if (!Reflect.deleteProperty(target, name))
          Object.defineProperty(target, name, { value: undefined, configurable: false, writable: false });
      } catch {
        // non-configurable: leave it to the origin/CSP boundary
      }
    }
  }
}
