/** The JSON Schema of run records, derived from the zod schema so the two can never disagree. */
import { z } from 'zod';
import { RUN_RECORD_VERSION, RunRecordSchema } from './runRecord';

export function runRecordJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RunRecordSchema, { target: 'draft-2020-12' }),
    $id: `https://critique-lab.invalid/schemas/run-record.v${RUN_RECORD_VERSION}.json`,
    title: `critique-lab run record, version ${RUN_RECORD_VERSION}`,
  };
}
