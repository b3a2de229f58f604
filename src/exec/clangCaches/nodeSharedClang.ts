/**
 * One clang for every process of a test run. clang is ~105 MB of wasm that V8 compiles lazily and
 * then re-optimises while it runs: a fresh clang spends ~2–3 s of CPU on each of its first compiles
 * and ~0.3–0.9 s once warm (measured on the project's 2-core machine). Each test file, and each CLI
 * child process a test starts, would otherwise warm a clang of its own. When CRITIQUE_LAB_SHARED_CLANG
 * names a Unix socket (the test run's global setup serves one), a Node clang thread sends its
 * compiles there instead of loading clang; every compile is still real clang, with the same flags.
 */
import { request, createServer, type Server } from 'node:http';
import type { CppCompileOutcome, CppSourceFiles } from '../runtime/cppCompiler';
import type { CppCompilerApi } from '../workerApi';

export const SHARED_CLANG_ENV = 'CRITIQUE_LAB_SHARED_CLANG';

interface CompileRequest {
  source: string;
  memoryBytes: number;
  files?: CppSourceFiles;
}

/** An outcome on the wire: the binary as base64 (JSON has no bytes). */
type WireOutcome = Omit<CppCompileOutcome, 'wasm'> & { wasm?: string };

/** Serves `compiler` on the Unix socket `path`, one compile at a time (clang is single-threaded). */
export function serveClang(compiler: CppCompilerApi, path: string): Promise<Server> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const work = async (): Promise<unknown> => {
        if (req.url === '/warm-up') return compiler.warmUp().then(() => ({}));
        const { source, memoryBytes, files } = JSON.parse(body) as CompileRequest;
        const outcome = await compiler.compile(source, memoryBytes, files);
        const { wasm, ...rest } = outcome;
        return { ...rest, ...(wasm ? { wasm: Buffer.from(wasm).toString('base64') } : {}) } satisfies WireOutcome;
      };
      const answer = queue.then(work);
      queue = answer.catch(() => undefined);
      answer.then(
        (reply) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply)),
        (error: unknown) => res.writeHead(500).end(String((error as Error)?.stack ?? error)),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

function post(path: string, route: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: path, path: route, method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(text);
        else reject(new Error(`shared clang at ${path}: ${text}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The clang served on `path`, as a clang thread's API. */
export function sharedClang(path: string): CppCompilerApi {
  return {
    warmUp: async () => {
      await post(path, '/warm-up', '');
    },
    compile: async (source, memoryBytes, files) => {
      const request: CompileRequest = { source, memoryBytes, ...(files ? { files } : {}) };
      const { wasm, ...rest } = JSON.parse(await post(path, '/compile', JSON.stringify(request))) as WireOutcome;
      return { ...rest, ...(wasm !== undefined ? { wasm: new Uint8Array(Buffer.from(wasm, 'base64')) } : {}) };
    },
  };
}
