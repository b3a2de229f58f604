/**
 * Run records travel as files (export, import, the bundled demo runs, `critique-lab eval`).
 * Serialisation is canonical — keys sorted at every depth, two-space indentation, one trailing
 * newline — so export → import → export reproduces the file byte for byte.
 */
import { RUN_RECORD_VERSION, RunRecordSchema, type RunRecord } from './runRecord';

export class RunRecordParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunRecordParseError';
  }
}

export function serializeRunRecord(record: RunRecord): string {
  return `${JSON.stringify(sortKeysDeep(record), null, 2)}\n`;
}

export function parseRunRecord(text: string): RunRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RunRecordParseError(`not JSON: ${(error as Error).message}`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > RUN_RECORD_VERSION) {
    throw new RunRecordParseError(
      `made by a newer critique-lab (run record version ${version}; this app reads version ${RUN_RECORD_VERSION}). Update the app.`,
    );
  }
  const parsed = RunRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      .join('; ');
    throw new RunRecordParseError(`not a valid run record — ${issues}`);
  }
  return parsed.data;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
