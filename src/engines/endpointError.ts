/**
 * Failures talking to an OpenAI-compatible server, each with what failed, why, and what to do,
 * so the UI and the CLI can say something a person can act on (the browser's own message for a
 * blocked or refused request is only "Failed to fetch").
 */
type EndpointFailureKind =
  | 'unreachable'
  | 'cors-or-network'
  | 'auth'
  | 'not-found'
  | 'model-not-found'
  | 'http'
  | 'bad-stream'
  | 'server-error-in-stream'
  | 'truncated-stream';

export class EndpointError extends Error {
  readonly kind: EndpointFailureKind;
  readonly url: string;
  readonly status: number | undefined;
  /** Why it failed, in a sentence. */
  readonly why: string;
  /** What to do about it. */
  readonly todo: string;

  constructor(init: { kind: EndpointFailureKind; url: string; status?: number; why: string; todo: string; cause?: unknown }) {
    super(`${init.why} (${init.url}${init.status !== undefined ? `, HTTP ${init.status}` : ''}). ${init.todo}`, { cause: init.cause });
    this.name = 'EndpointError';
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status;
    this.why = init.why;
    this.todo = init.todo;
  }
}

/** The server-side remedies for the cross-origin case, per server family. */
const CORS_REMEDIES =
  'vLLM: `vllm serve … --allowed-origins \'["*"]\'` (or your app origin); SGLang: allows any origin by default; ' +
  "llama.cpp `llama-server`: sends CORS headers by default; Ollama: start it with `OLLAMA_ORIGINS=*` (or this page's origin). " +
  'A page served over https cannot call a plain-http server other than localhost; Chrome may also ask a public page for ' +
  'permission to reach a local-network address.';

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Translates a fetch that threw (no HTTP response at all). */
export function networkFailure(url: string, error: unknown): EndpointError {
  const code = errorCode(error);
  const inBrowser =
    typeof window !== 'undefined' || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  if (code === 'ECONNREFUSED') {
    return new EndpointError({
      kind: 'unreachable',
      url,
      cause: error,
      why: 'Nothing is listening at this address (connection refused)',
      todo: 'Start the server, or check the host and port.',
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new EndpointError({
      kind: 'unreachable',
      url,
      cause: error,
      why: 'The host name does not resolve',
      todo: 'Check the host name in the endpoint URL.',
    });
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return new EndpointError({
      kind: 'unreachable',
      url,
      cause: error,
      why: 'The server closed the connection',
      todo: 'Check the server log; it may have crashed or run out of memory.',
    });
  }
  if (inBrowser) {
    return new EndpointError({
      kind: 'cors-or-network',
      url,
      cause: error,
      why: "The browser got no usable response: the server is not running, or it did not allow this page's origin (CORS), or the request was blocked as mixed content",
      todo: `Open the URL in a new tab to see whether the server answers; if it does, allow this origin on the server. ${CORS_REMEDIES}`,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new EndpointError({
    kind: 'unreachable',
    url,
    cause: error,
    why: `The request failed before any response (${detail})`,
    todo: 'Check that the server is running and the URL is right.',
  });
}

/** Translates an HTTP error response (its body already read as text). */
export function httpFailure(url: string, status: number, bodyText: string, model?: string): EndpointError {
  const serverMessage = extractServerMessage(bodyText);
  const said = serverMessage ? ` The server said: "${serverMessage}".` : '';
  if (status === 401 || status === 403) {
    return new EndpointError({
      kind: 'auth',
      url,
      status,
      why: `The server refused the request as unauthorised.${said}`,
      todo: 'Set the API key the server expects (vLLM: `--api-key`), or clear it if the server needs none.',
    });
  }
  if (status === 404 && /model/i.test(serverMessage ?? '')) {
    return new EndpointError({
      kind: 'model-not-found',
      url,
      status,
      why: `The server does not serve the model ${model ? `"${model}"` : 'asked for'}.${said}`,
      todo: 'Use a model name the server lists under /v1/models (for vLLM, the `--served-model-name`).',
    });
  }
  if (status === 404) {
    return new EndpointError({
      kind: 'not-found',
      url,
      status,
      why: `No such path on the server.${said}`,
      todo: 'The endpoint URL should end in /v1 (vLLM, SGLang, llama.cpp and Ollama all serve the OpenAI API under /v1).',
    });
  }
  return new EndpointError({
    kind: 'http',
    url,
    status,
    why: `The server answered HTTP ${status}.${said}`,
    todo:
      status >= 500 ? 'Check the server log.' : "Check the request settings (model name, max tokens within the server's context length).",
  });
}

/** Pulls the human message out of the error bodies servers send (OpenAI, FastAPI, llama.cpp, Ollama). */
function extractServerMessage(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (text === '') return undefined;
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object') {
      const b = body as { error?: unknown; detail?: unknown; message?: unknown };
      if (typeof b.error === 'string') return b.error;
      if (b.error && typeof b.error === 'object' && typeof (b.error as { message?: unknown }).message === 'string') {
        return (b.error as { message: string }).message;
      }
      if (typeof b.message === 'string') return b.message;
      if (typeof b.detail === 'string') return b.detail;
      if (b.detail !== undefined) return JSON.stringify(b.detail).slice(0, 300);
    }
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 300);
}
