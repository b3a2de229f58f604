/**
 * Vite plugin: the code that runs inside the sandbox frame (the frame's host script, the Python
 * worker with Pyodide's JS bundled in, the wasm runner) must be single self-contained files,
 * because the opaque-origin frame cannot load anything from our origin — the page fetches these
 * files and hands their text to the frame, which starts them from blob: URLs. This plugin bundles
 * each entry with rolldown (Vite's own bundler) and serves it (dev) or emits it (build) under a
 * content-hashed name; Pyodide's data files are copied under a versioned path. The app imports
 * the URLs from `virtual:critique-sandbox`.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:critique-sandbox';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const ENTRIES = {
  frame: 'workers/browser/sandboxHost.ts',
  python: 'workers/browser/python.worker.ts',
  wasm: 'workers/browser/wasmRun.worker.ts',
} as const;
/**
 * The frame's script is an ES module (imported from a blob: URL); the workers are classic scripts,
 * because Chromium refuses module workers from blob: URLs in an opaque-origin frame.
 */
const FORMATS = { frame: 'es', python: 'iife', wasm: 'iife' } as const;
const PYODIDE_FILES = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
const DEV_PREFIX = '/@critique-sandbox/';

async function bundle(root: string, name: keyof typeof ENTRIES): Promise<{ code: string; files: string[] }> {
  const entry = ENTRIES[name];
  const { rolldown } = await import('rolldown');
  const build = await rolldown({
    input: resolve(root, entry),
    platform: 'browser',
    external: [/^node:/, 'ws'],
    logLevel: 'silent',
    plugins: [rawTextImports()],
  });
  try {
    const { output } = await build.generate({ format: FORMATS[name], codeSplitting: false, minify: true });
    const chunk = output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error(`no code bundled from ${entry}`);
    return { code: chunk.code, files: chunk.moduleIds.filter((id) => !id.startsWith('\0')) };
  } finally {
    await build.close();
  }
}

/** `import text from './file.py?raw'`, as Vite does it for the app's own modules. */
function rawTextImports() {
  return {
    name: 'critique-raw-text',
    resolveId(id: string, importer: string | undefined) {
      if (!id.endsWith('?raw') || !importer) return null;
      return `${resolve(dirname(importer), id.slice(0, -'?raw'.length))}?raw`;
    },
    async load(id: string) {
      if (!id.endsWith('?raw')) return null;
      return `export default ${JSON.stringify(await readFile(id.slice(0, -'?raw'.length), 'utf8'))};`;
    },
  };
}

/** The virtual module's source: where the page finds the sandbox code and Pyodide's data. */
function virtualModule(urls: Record<string, string>, version: string): string {
  return [
    '/** URLs of the sandbox code and Pyodide data, relative to the page. */',
    `export const frameCodeUrl = ${JSON.stringify(urls.frame)};`,
    `export const pythonWorkerCodeUrl = ${JSON.stringify(urls.python)};`,
    `export const wasmWorkerCodeUrl = ${JSON.stringify(urls.wasm)};`,
    `export const pyodideUrls = ${JSON.stringify({ wasm: urls['pyodide.asm.wasm'], stdlib: urls['python_stdlib.zip'], lock: urls['pyodide-lock.json'] })};`,
    `export const pyodideVersion = ${JSON.stringify(version)};`,
  ].join('\n');
}

/** In `vite` dev: serves a sandbox bundle (built on request) or a Pyodide file; false if `name` is neither. */
async function serveDevFile(root: string, pyodideDir: string, name: string, res: ServerResponse): Promise<boolean> {
  if (name.startsWith('pyodide/')) {
    const file = name.slice('pyodide/'.length);
    if (!(PYODIDE_FILES as readonly string[]).includes(file)) return false;
    res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
    res.end(await readFile(join(pyodideDir, file)));
    return true;
  }
  const entry = name.replace(/\.js$/, '') as keyof typeof ENTRIES;
  if (!(entry in ENTRIES)) return false;
  const { code } = await bundle(root, entry);
  res.setHeader('Content-Type', 'text/javascript');
  res.setHeader('Cache-Control', 'no-store');
  res.end(code);
  return true;
}

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

export function sandboxBundlePlugin(): Plugin {
  let root = process.cwd();
  let command: 'build' | 'serve' = 'serve';
  const require = createRequire(import.meta.url);
  const pyodideDir = (): string => dirname(require.resolve('pyodide/package.json', { paths: [root] }));
  const pyodideVersion = async (): Promise<string> => JSON.parse(await readFile(join(pyodideDir(), 'package.json'), 'utf8')).version;

  return {
    name: 'critique-sandbox-bundles',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const version = await pyodideVersion();
      const urls: Record<string, string> = {};
      if (command === 'serve') {
        for (const name of Object.keys(ENTRIES)) urls[name] = `${DEV_PREFIX}${name}.js`;
        for (const file of PYODIDE_FILES) urls[file] = `${DEV_PREFIX}pyodide/${file}`;
        return virtualModule(urls, version);
      }
      for (const name of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
        const { code, files } = await bundle(root, name);
        for (const file of files) this.addWatchFile(file);
        const fileName = `assets/sandbox-${name}-${hash(code)}.js`;
        this.emitFile({ type: 'asset', fileName, source: code });
        urls[name] = fileName;
      }
      for (const file of PYODIDE_FILES) {
        const fileName = `pyodide/${version}/${file}`;
        this.emitFile({ type: 'asset', fileName, source: await readFile(join(pyodideDir(), file)) });
        urls[file] = fileName;
      }
      return virtualModule(urls, version);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(DEV_PREFIX)) return next();
        serveDevFile(root, pyodideDir(), url.slice(DEV_PREFIX.length), res).then(
          (served) => (served ? undefined : next()),
          (error: unknown) => {
            res.statusCode = 500;
            res.end(String(error));
          },
        );
      });
    },
  };
}
