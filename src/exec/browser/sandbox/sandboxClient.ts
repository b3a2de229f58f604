/**
 * The page's side of the sandbox: an `<iframe sandbox="allow-scripts">` (no allow-same-origin, so
 * its origin is opaque: IndexedDB, Cache Storage, localStorage and cookies throw there, and it
 * cannot touch this page's DOM) whose document is a srcdoc carrying a strict Content-Security-
 * Policy: no connect-src (no fetch, XHR, WebSocket, EventSource, beacons), scripts only from blob:
 * and one hashed bootstrap. Workers it starts from blob: URLs inherit both the origin and the CSP.
 * The page fetches the frame's code and Pyodide's data from our origin and hands them over.
 */
import * as Comlink from 'comlink';
import { frameCodeUrl, pythonWorkerCodeUrl, pyodideUrls, pyodideVersion, wasmWorkerCodeUrl } from 'virtual:critique-sandbox';
import { serviceWorkerControl } from '../serviceWorkerControl';
import { fetchRuntimeFile } from '../runtimeFileFetch';
import { loadPyodideSnapshot, savePyodideSnapshot } from '../../pyodideSnapshot/browserSnapshotStore';
import { SANDBOX_BOOTSTRAP } from './sandboxBootstrap';
import { SANDBOX_START, type PythonAssets, type SandboxApi, type SandboxInfo } from './sandboxProtocol';

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

async function fetchOk(url: string): Promise<Response> {
  return ok(url, await fetch(new URL(url, document.baseURI)));
}

/** One of Pyodide's files: shipped compressed by a build, decoded and kept here (runtimeFileFetch.ts). */
async function fetchPyodideFile(url: string): Promise<Response> {
  return ok(url, await fetchRuntimeFile(new URL(url, document.baseURI), { compressed: import.meta.env.PROD }));
}

function ok(url: string, response: Response): Response {
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response;
}

export interface SandboxFrame {
  api: Comlink.Remote<SandboxApi>;
  info: SandboxInfo;
  /** Fetches Pyodide's data (once) and hands it to the frame. */
  loadPythonAssets(): Promise<void>;
  destroy(): void;
}

export async function createSandboxFrame(): Promise<SandboxFrame> {
  const text = async (url: string): Promise<string> => (await fetchOk(url)).text();
  const [frameCode, pythonWorkerCode, wasmWorkerCode] = await Promise.all([
    text(frameCodeUrl),
    text(pythonWorkerCodeUrl),
    text(wasmWorkerCodeUrl),
  ]);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${await sha256Base64(SANDBOX_BOOTSTRAP)}' blob: 'unsafe-eval' 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('allow', 'cross-origin-isolated');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.setAttribute('tabindex', '-1');
  iframe.title = 'program sandbox';
  iframe.dataset.critiqueSandbox = '';
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${SANDBOX_BOOTSTRAP}</script>`;
  const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(iframe);
  await loaded;

  const channel = new MessageChannel();
  iframe.contentWindow!.postMessage({ type: SANDBOX_START, code: frameCode }, '*', [channel.port2]);
  const api = Comlink.wrap<SandboxApi>(channel.port1);
  const info = await api.boot({ pythonWorkerCode, wasmWorkerCode });

  let pythonAssets: Promise<void> | undefined;
  return {
    api,
    info,
    loadPythonAssets() {
      pythonAssets ??= (async () => {
        await serviceWorkerControl(); // so the service worker keeps what is fetched
        const [wasm, stdlib, lock, snapshot] = await Promise.all([
          fetchPyodideFile(pyodideUrls.wasm).then((r) => r.arrayBuffer()),
          fetchPyodideFile(pyodideUrls.stdlib).then((r) => r.arrayBuffer()),
          fetchPyodideFile(pyodideUrls.lock).then((r) => r.text()),
          loadPyodideSnapshot(pyodideVersion),
        ]);
        const assets: PythonAssets = { wasm, stdlib, lock, ...(snapshot ? { snapshot } : {}) };
        const keep = Comlink.proxy((taken: ArrayBuffer) => void savePyodideSnapshot(pyodideVersion, taken));
        await api.setPythonAssets(Comlink.transfer(assets, [wasm, stdlib, ...(snapshot ? [snapshot] : [])]), keep);
      })();
      pythonAssets.catch(() => (pythonAssets = undefined));
      return pythonAssets;
    },
    destroy() {
      api[Comlink.releaseProxy]();
      iframe.remove();
    },
  };
}
