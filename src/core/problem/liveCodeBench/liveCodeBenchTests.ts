/**
 * LiveCodeBench's test lists: `public_test_cases` is a JSON string, a list of
 * `{input, output, testtype}`; `private_test_cases` is either such a string or
 * base64(zlib(pickle(that string))). The pickle is read by readPickledString, which accepts a
 * pickled str and nothing else; zlib by fflate (the same code in Node and the browser).
 */
import { unzlibSync } from 'fflate';
import { z } from 'zod';
import { readPickledString } from './pickledString';

const TEST_TYPES = ['stdin', 'functional'] as const;

const TestListSchema = z.array(z.object({ input: z.string(), output: z.string(), testtype: z.enum(TEST_TYPES) }));
export type LiveCodeBenchTest = z.infer<typeof TestListSchema>[number];

/** The reason a row's tests cannot be read, for the skip message. */
export class TestListError extends Error {}

export function parseTestList(json: string, field: string): LiveCodeBenchTest[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new TestListError(`${field} is not JSON (${(error as Error).message})`);
  }
  const parsed = TestListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TestListError(
      `${field} is not a list of {input, output, testtype}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad shape'}`,
    );
  }
  return parsed.data;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Bytes(text: string, field: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new TestListError(`${field} is neither JSON nor base64`);
  const binary = atob(compact);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Private tests in either encoding. */
export function decodePrivateTests(field: string, text: string): LiveCodeBenchTest[] {
  if (/^\s*\[/.test(text)) return parseTestList(text, field);
  const bytes = base64Bytes(text, field);
  let inflated: Uint8Array;
  try {
    inflated = unzlibSync(bytes);
  } catch (error) {
    throw new TestListError(`${field}: base64 but not zlib data (${(error as Error).message})`);
  }
  let json: string;
  try {
    json = readPickledString(inflated);
  } catch (error) {
    throw new TestListError(`${field}: ${(error as Error).message}`);
  }
  return parseTestList(json, field);
}
