/**
 * Reads an eval output folder (`critique-lab eval --out`, or `merge --out`) — picked as a folder or
 * unpacked from a zip of it — into what the app's Results view shows: the summary recomputed from
 * the run records with the code that wrote metrics.json (evalSummary.ts), the records themselves
 * (each opens on the Demo board), and an honest account of what is missing.
 *
 * A folder need not be whole. An eval killed midway leaves a journal and the records of the
 * problems that finished, and maybe no metrics.json (or one from an earlier pass); a record file
 * may be damaged. Whatever can be read is shown, the eval is called unfinished with the reason, and
 * every file that could not be read is named with why. Only a folder with nothing of an eval in
 * it is refused.
 */
import { z } from 'zod';
import { DIFFICULTIES, PLATFORMS } from '../problem/liveCodeBench/liveCodeBenchRow';
import type { RunRecord } from '../record/runRecord';
import { parseRunRecord } from '../record/runRecordCodec';
import { RunSettingsSchema, type RunSettings } from '../record/runSettings';
import { JournalEntrySchema } from './evalJournalEntry';
import { isRecordFileName, JOURNAL_FILE, METRICS_FILE } from './evalOutputFiles';
import { summarize, type EvalSummary, type SummarizedRecord } from './evalSummary';
import { fullyAnswered } from './fullyAnswered';

/** A file of the output: its path as picked (folder-relative) or as named in the zip. */
export interface EvalOutputEntry {
  path: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

/** How far the journal says the eval got. */
interface JournalProgress {
  answeredRequests: number;
  verdicts: number;
  finishedProblems: number;
}

export interface EvalOutput {
  /** The output folder's name. */
  name: string;
  summary: EvalSummary;
  /** Run records by file name, as the eval wrote them. */
  records: ReadonlyMap<string, RunRecord>;
  /** Why the eval is not finished; null when it is. */
  unfinished: string | null;
  /** Files that could not be read, each with the reason (what else there is is still shown). */
  damaged: string[];
  journal: JournalProgress | null;
}

export class EvalOutputError extends Error {}

/** The parts of metrics.json the reader takes; the numbers are recomputed from the records. */
const MetricsFileSchema = z.object({
  endpoint: z.string(),
  model: z.string(),
  settings: RunSettingsSchema,
  rows: z.array(
    z.object({
      problem: z.string(),
      file: z.string(),
      position: z.number().int(),
      facts: z
        .object({ platform: z.enum(PLATFORMS), difficulty: z.enum(DIFFICULTIES), contestDate: z.string(), callBased: z.boolean() })
        .nullable(),
    }),
  ),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  excluded: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Absent in outputs written before it was kept. */
  unfinished: z.array(z.string()).optional(),
});
type MetricsFile = z.infer<typeof MetricsFileSchema>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The folder holding the eval's files: the shallowest one with metrics.json, journal.jsonl or a run record. */
function outputRoot(paths: string[]): string | null {
  const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1);
  const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  const depth = (p: string): number => p.split('/').length;
  for (const marker of [(b: string) => b === METRICS_FILE || b === JOURNAL_FILE, isRecordFileName]) {
    const found = paths.filter((p) => marker(baseOf(p))).sort((a, b) => depth(a) - depth(b))[0];
    if (found !== undefined) return dirOf(found);
  }
  return null;
}

async function textOf(entry: EvalOutputEntry): Promise<string> {
  try {
    return decoder.decode(await entry.bytes());
  } catch (error) {
    throw new Error(error instanceof TypeError ? 'not UTF-8 text' : (error as Error).message, { cause: error });
  }
}

function readMetricsFile(text: string): MetricsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = MetricsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not an eval summary (${issue?.path.join('.') || 'top level'}: ${issue?.message})`);
  }
  return parsed.data;
}

/** Counts the journal's entries; a torn last line (a crash mid-write) is not damage, any other bad line is. */
function readJournal(text: string): { progress: JournalProgress; identity: Record<string, unknown> | null; damage: string | null } {
  const progress: JournalProgress = { answeredRequests: 0, verdicts: 0, finishedProblems: 0 };
  let identity: Record<string, unknown> | null = null;
  const lines = text.split('\n');
  // The part after the last newline is a line the crash cut off, or nothing.
  lines.pop();
  for (const [i, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const entry = JournalEntrySchema.safeParse(value);
    if (!entry.success) return { progress, identity, damage: `line ${i + 1} is not a journal entry; read up to there` };
    if (entry.data.type === 'run') identity = entry.data.identity;
    else if (entry.data.type === 'chat') progress.answeredRequests++;
    else if (entry.data.type === 'verdict') progress.verdicts++;
    else progress.finishedProblems++;
  }
  return { progress, identity, damage: null };
}

interface ReadFiles {
  metrics: MetricsFile | null;
  journal: ReturnType<typeof readJournal> | null;
  records: Map<string, RunRecord>;
  damaged: string[];
}

async function readFiles(files: Map<string, EvalOutputEntry>): Promise<ReadFiles> {
  const read: ReadFiles = { metrics: null, journal: null, records: new Map(), damaged: [] };
  for (const [name, entry] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      if (name === METRICS_FILE) read.metrics = readMetricsFile(await textOf(entry));
      else if (name === JOURNAL_FILE) read.journal = readJournal(await textOf(entry));
      else if (isRecordFileName(name)) read.records.set(name, parseRunRecord(await textOf(entry)));
    } catch (error) {
      read.damaged.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (read.journal?.damage) read.damaged.push(`${JOURNAL_FILE}: ${read.journal.damage}`);
  return read;
}

/** The run's model and settings: from metrics.json, else the journal's first line, else any record. */
function runOf(read: ReadFiles): { endpoint: string; model: string; settings: RunSettings } | null {
  if (read.metrics) return read.metrics;
  const record = [...read.records.values()][0];
  const model = typeof read.journal?.identity?.model === 'string' ? read.journal.identity.model : record?.model.id;
  if (!record || model === undefined) return null;
  return { endpoint: record.engine.endpoint ?? '', model, settings: record.settings };
}

/** Records in metrics.json's order (with its facts), then any it does not list, by file name. */
function summarizedRecords(read: ReadFiles): { records: SummarizedRecord[]; missing: string[]; unlisted: number } {
  const rows = read.metrics?.rows ?? [];
  const listed = new Set(rows.map((r) => r.file));
  const missing = rows.filter((r) => !read.records.has(r.file)).map((r) => r.file);
  const records: SummarizedRecord[] = rows.flatMap((row) => {
    const record = read.records.get(row.file);
    return record ? [{ record, file: row.file, position: row.position, facts: row.facts }] : [];
  });
  const after = Math.max(-1, ...rows.map((r) => r.position)) + 1;
  const unlisted = [...read.records].filter(([file]) => !listed.has(file));
  unlisted.forEach(([file, record], i) => records.push({ record, file, position: after + i, facts: null }));
  return { records, missing, unlisted: unlisted.length };
}

/** Problems the eval selected but did not finish: those metrics.json names, and any record with a request left unanswered. */
function unfinishedProblems(read: ReadFiles, records: SummarizedRecord[]): string[] {
  const open = new Set(read.metrics?.unfinished ?? []);
  for (const r of records) if (!fullyAnswered(r.record)) open.add(r.record.problem.id);
  return [...open];
}

function unfinishedReason(read: ReadFiles, records: SummarizedRecord[], unlisted: number, open: string[]): string | null {
  const reasons: string[] = [];
  if (!read.metrics) reasons.push(`There is no ${METRICS_FILE}: the eval was stopped before it wrote its summary, or is still running.`);
  else if (unlisted > 0)
    reasons.push(
      `${unlisted} run record${unlisted === 1 ? ' is' : 's are'} newer than ${METRICS_FILE}: the eval went on after writing it.`,
    );
  const total = new Set([...records.map((r) => r.record.problem.id), ...open]).size;
  if (open.length > 0)
    reasons.push(`${open.length} of ${total} problems did not finish (stopped, or requests that failed after every retry).`);
  if (reasons.length === 0) return null;
  return `${reasons.join(' ')} Rerunning the same critique-lab eval command continues it.`;
}

export async function readEvalOutput(entries: readonly EvalOutputEntry[], name: string): Promise<EvalOutput> {
  const paths = entries.map((e) => e.path.replace(/\\/g, '/'));
  const root = outputRoot(paths);
  if (root === null)
    throw new EvalOutputError(
      `${name} is not an eval output: it has no ${METRICS_FILE}, ${JOURNAL_FILE} or run records (*.run.json). Pick the folder given to critique-lab eval --out.`,
    );
  const files = new Map(
    entries.flatMap((e, i) =>
      paths[i]!.startsWith(root) && !paths[i]!.slice(root.length).includes('/') ? [[paths[i]!.slice(root.length), e] as const] : [],
    ),
  );
  const read = await readFiles(files);
  const run = runOf(read);
  if (!run) {
    if (read.journal) {
      throw new EvalOutputError(
        `${name} holds the journal of an eval that has not finished a single problem yet (${read.journal.progress.answeredRequests} requests answered): nothing to show. Rerunning the same critique-lab eval command continues it.`,
      );
    }
    throw new EvalOutputError(`nothing in ${name} could be read: ${read.damaged.join('; ')}`);
  }
  const { records, missing, unlisted } = summarizedRecords(read);
  const damaged = [
    ...read.damaged,
    ...missing
      .filter((f) => !read.damaged.some((d) => d.startsWith(`${f}:`)))
      .map((f) => `${f}: listed in ${METRICS_FILE} but not in the folder`),
  ];
  const open = unfinishedProblems(read, records);
  const summary = summarize(records, {
    ...run,
    skipped: read.metrics?.skipped ?? [],
    excluded: read.metrics?.excluded ?? [],
    unfinished: open,
  });
  return {
    name: root === '' ? name : (root.split('/').at(-2) ?? name),
    summary,
    records: new Map(records.map((r) => [r.file, r.record])),
    unfinished: unfinishedReason(read, records, unlisted, open),
    damaged,
    journal: read.journal?.progress ?? null,
  };
}
