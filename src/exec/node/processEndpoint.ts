/**
 * Comlink over a child process's IPC channel (Node's `advanced` serialization, so typed arrays
 * cross intact): the parent's ChildProcess on one side, the child's `process` on the other.
 */
import type { Endpoint } from 'comlink';

interface IpcPeer {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function processEndpoint(peer: IpcPeer): Endpoint {
  const listeners = new WeakMap<EventListenerOrEventListenerObject, (data: unknown) => void>();
  return {
    postMessage: (message: unknown) => {
      peer.send?.(message);
    },
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const wrapped = (data: unknown): void => {
        const event = { data } as MessageEvent;
        if ('handleEvent' in listener) listener.handleEvent(event);
        else listener(event);
      };
      peer.on('message', wrapped);
      listeners.set(listener, wrapped);
    },
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => {
      const wrapped = listeners.get(listener);
      if (!wrapped) return;
      peer.off('message', wrapped);
      listeners.delete(listener);
    },
  };
}
