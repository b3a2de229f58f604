import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseRunRecord, RunRecordParseError, serializeRunRecord } from '../../../../src/core/record/runRecordCodec';
import { runRecordJsonSchema } from '../../../../src/core/record/runRecordJsonSchema';

const bundled = async (): Promise<string> => readFile('public/runs/best-stretch-handwritten.json', 'utf8');

describe('run record codec', () => {
  it('round-trips the bundled record byte for byte', async () => {
    const text = await bundled();
    expect(serializeRunRecord(parseRunRecord(text))).toBe(text);
  });

  it('is canonical: key order of the input does not matter', async () => {
    const record = parseRunRecord(await bundled());
    const shuffled = JSON.stringify(Object.fromEntries(Object.entries(record).reverse()));
    expect(serializeRunRecord(parseRunRecord(shuffled))).toBe(serializeRunRecord(record));
  });

  it('rejects non-JSON, wrong shapes and newer versions with readable messages', async () => {
    expect(() => parseRunRecord('{oops')).toThrow(RunRecordParseError);
    expect(() => parseRunRecord('{oops')).toThrow(/not JSON/);
    const record = JSON.parse(await bundled());
    record.candidates[0].generation.usage.reasoningTokens = -3;
    expect(() => parseRunRecord(JSON.stringify(record))).toThrow(/candidates\.0\.generation\.usage\.reasoningTokens/);
    expect(() => parseRunRecord(JSON.stringify({ ...record, schemaVersion: 99 }))).toThrow(/newer critique-lab/);
  });

  it('keeps schemas/run-record.schema.json in step with the zod schema (run `npm run schema`)', async () => {
    const committed = JSON.parse(await readFile('schemas/run-record.schema.json', 'utf8'));
    expect(committed).toEqual(runRecordJsonSchema());
  });

  it('the committed JSON Schema accepts the bundled record and rejects a broken one', async () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(await readFile('schemas/run-record.schema.json', 'utf8')));
    const record = JSON.parse(await bundled());
    expect(validate(record)).toBe(true);
    delete record.settings;
    expect(validate(record)).toBe(false);
  });
});
