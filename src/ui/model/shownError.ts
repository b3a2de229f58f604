/** Any failure of loading or connecting, as the Model view shows it: why, what to do, details. */
import { EndpointError } from '../../engines/endpointError';
import { ModelLoadError, type ModelLoadErrorInit } from '../../webllm/modelLoadError';

export interface ShownError extends ModelLoadErrorInit {
  message: string;
}

export function describeError(error: unknown): ShownError {
  if (error instanceof ModelLoadError) return error.toJSON();
  if (error instanceof EndpointError)
    return { kind: 'unknown', why: error.why, todo: error.todo, url: error.url, status: error.status, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', why: message, todo: 'See the details below.', raw: message, message };
}
