/**
 * How an HTTP error status of a model file is explained (fileHttpError). The downloader tests
 * meet 404 and 503 from a real fixture host; the statuses they cannot provoke are checked here.
 */
import { describe, expect, it } from 'vitest';
import { fileHttpError } from '../../../src/webllm/modelLoadError';

const URL_OF = 'https://models.example/m/resolve/main/params_shard_0.bin';

describe('fileHttpError', () => {
  it.each([
    [404, 'file-missing', /is missing/, /must mirror the `resolve\/main\/` layout/],
    [410, 'file-missing', /is missing/, /must mirror the `resolve\/main\/` layout/],
    [401, 'file-http', /refused to serve/, /private or gated/],
    [403, 'file-http', /refused to serve/, /private or gated/],
    [416, 'file-http', /rejected the byte range/, /download again/],
    [500, 'file-http', /answered HTTP 500/, /host is failing/],
    [400, 'file-http', /answered HTTP 400/, /Check the URL/],
  ])('HTTP %i is %s: why and what to do', (status, kind, why, todo) => {
    const error = fileHttpError('params_shard_0.bin', 'shard', URL_OF, status);
    expect(error).toMatchObject({ kind, status, file: 'params_shard_0.bin', url: URL_OF });
    expect(error.why).toMatch(why);
    expect(error.todo).toMatch(todo);
    expect(error.message).toContain(`(HTTP ${status})`);
  });

  it('a missing library or config says what to do about that kind of file', () => {
    expect(fileHttpError('lib.wasm', 'library', URL_OF, 404).todo).toMatch(/model library \(wasm\) URL is wrong/);
    expect(fileHttpError('mlc-chat-config.json', 'config', URL_OF, 410).todo).toMatch(/^No converted model at this URL/);
  });
});
