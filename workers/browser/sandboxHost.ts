/**
 * Entry point inside the sandbox frame (opaque origin, no network by CSP): serves the page the
 * SandboxApi on the MessagePort it was started with.
 */
import * as Comlink from 'comlink';
import { SandboxService } from '../../src/exec/browser/sandbox/sandboxService';

export function start(port: MessagePort): void {
  Comlink.expose(new SandboxService(), port);
}
