/** `npm run schema`: regenerates schemas/run-record.schema.json from the zod schema. */
import { writeFile } from 'node:fs/promises';
import { runRecordJsonSchema } from '../src/core/record/runRecordJsonSchema';

const path = new URL('../schemas/run-record.schema.json', import.meta.url);
await writeFile(path, `${JSON.stringify(runRecordJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
