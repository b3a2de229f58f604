/**
 * The run record: everything one run produced, as versioned JSON. The zod schema below is the
 * single source of truth; `schemas/run-record.schema.json` is generated from it (npm run schema)
 * and a unit test keeps the two in step. Export → import → export is byte-identical because
 * serialisation is canonical (sorted keys, fixed indentation) — see runRecordCodec.ts.
 */
import { z } from 'zod';
import { LANGUAGES } from '../problem/language';
import { JudgeResultSchema } from '../judging/judgeResult';
import { ChatUsageSchema } from '../chat/chatEngine';
import { CRITIQUE_VERDICTS } from '../chat/critiqueVerdict';
import { RunSettingsSchema } from './runSettings';
import { SelectionSchema } from '../selection/selectionRecord';
import { MetricsSchema } from '../metrics/metricsSchema';

export const RUN_RECORD_VERSION = 1;

const ExecutionSchema = z.object({
  /** `executed`: judged in this run by a real executor. `recorded`: copied from a recording, not re-run. */
  source: z.enum(['executed', 'recorded']),
  result: JudgeResultSchema,
});

const CritiqueSchema = z.object({
  reasoning: z.string(),
  answer: z.string(),
  verdict: z.enum(CRITIQUE_VERDICTS),
  usage: ChatUsageSchema,
  error: z.string().optional(),
});

const GenerationSchema = z.object({
  reasoning: z.string(),
  answer: z.string(),
  /** The extracted program, or null when the answer held none. */
  program: z.string().nullable(),
  language: z.enum(LANGUAGES),
  /** Why extraction was imperfect (no fence, several fences, wrong language tag...). */
  parseNotes: z.array(z.string()),
  usage: ChatUsageSchema,
  error: z.string().optional(),
});

const CandidateSchema = z.object({
  index: z.number().int().min(0),
  generation: GenerationSchema,
  critiques: z.array(CritiqueSchema),
  execution: ExecutionSchema.nullable(),
});

/** How fast a live run went and what it expected as it went (core/pipeline/runPace.ts). */
const PaceSchema = z.object({
  /** Streamed tokens per second of wall time while the stage had a reply streaming; null = none streamed. */
  tokensPerSecond: z.object({ generation: z.number().min(0).nullable(), critique: z.number().min(0).nullable() }),
  /** The time left for the whole run as estimated when each candidate's generation finished. */
  estimates: z.array(z.object({ candidate: z.number().int().min(0), atSeconds: z.number().min(0), runSeconds: z.number().min(0) })),
});

export const RunRecordSchema = z.object({
  schemaVersion: z.literal(RUN_RECORD_VERSION),
  id: z.string().min(1),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Where this record came from; shown on screen so nobody mistakes a hand-written demo for a model run. */
  provenance: z.object({
    kind: z.enum(['live', 'replayed', 'handwritten']),
    note: z.string(),
    /** One line naming what the run illustrates (e.g. "the critique is fooled"); bundled recordings have one. */
    caption: z.string().optional(),
  }),
  problem: z.object({ id: z.string(), title: z.string(), contentHash: z.string() }),
  model: z.object({ id: z.string(), label: z.string() }),
  engine: z.object({ kind: z.string(), endpoint: z.string().optional() }),
  settings: RunSettingsSchema,
  candidates: z.array(CandidateSchema),
  selections: z.array(SelectionSchema),
  metrics: MetricsSchema.nullable(),
  status: z.enum(['complete', 'aborted', 'failed']),
  error: z.string().optional(),
  /** Kept for runs timed as they ran (live runs); absent in records built without a clock. */
  pace: PaceSchema.optional(),
});

export type RunRecord = z.infer<typeof RunRecordSchema>;
export type CandidateRecord = z.infer<typeof CandidateSchema>;
export type GenerationRecord = z.infer<typeof GenerationSchema>;
export type CritiqueRecord = z.infer<typeof CritiqueSchema>;
export type PaceRecord = z.infer<typeof PaceSchema>;
export type ExecutionRecord = z.infer<typeof ExecutionSchema>;
