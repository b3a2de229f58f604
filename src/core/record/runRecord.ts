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
import { CRITIQUE_VERDICTS } from '../modelOutput/critiqueVerdict';
import { RunSettingsSchema } from './runSettings';
import { SELECTION_STRATEGIES } from '../selection/selectionStrategy';

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

const SelectionSchema = z.object({
  strategy: z.enum(SELECTION_STRATEGIES),
  /** Candidate indices the strategy picks among, uniformly; one index for a deterministic choice, empty when it cannot pick. */
  picks: z.array(z.number().int().min(0)),
  /** One sentence a person can read: why these. */
  reason: z.string(),
  /** Expected correctness of the pick (null when ground truth is missing). */
  expectedCorrect: z.number().min(0).max(1).nullable(),
});

const ConfusionSchema = z.object({
  rightCorrect: z.number().int().min(0),
  rightIncorrect: z.number().int().min(0),
  wrongCorrect: z.number().int().min(0),
  wrongIncorrect: z.number().int().min(0),
  noVerdict: z.number().int().min(0),
});

const CurvePointSchema = z.object({ k: z.number().int().min(1), value: z.number().min(0).max(1) });

const MetricsSchema = z.object({
  /** Candidates with ground truth. */
  n: z.number().int().min(0),
  /** Of those, how many are correct (AC). */
  correct: z.number().int().min(0),
  passAt1: z.number().min(0).max(1).nullable(),
  passAtK: z.number().min(0).max(1).nullable(),
  /** pass@1|select@k per strategy, k = n. */
  selectAtK: z.record(z.string(), z.number().min(0).max(1).nullable()),
  critiqueAccuracy: z.number().min(0).max(1).nullable(),
  confusion: ConfusionSchema,
  curves: z.object({
    passAtK: z.array(CurvePointSchema),
    selectAtK: z.record(z.string(), z.array(CurvePointSchema)),
    /** `exact` when every subset was enumerated, else `monte-carlo` with `samples` seeded draws per k. */
    method: z.enum(['exact', 'monte-carlo']),
    samples: z.number().int().min(0),
  }),
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
});

export type RunRecord = z.infer<typeof RunRecordSchema>;
export type CandidateRecord = z.infer<typeof CandidateSchema>;
export type GenerationRecord = z.infer<typeof GenerationSchema>;
export type CritiqueRecord = z.infer<typeof CritiqueSchema>;
export type ExecutionRecord = z.infer<typeof ExecutionSchema>;
export type SelectionRecord = z.infer<typeof SelectionSchema>;
export type RunMetrics = z.infer<typeof MetricsSchema>;
export type Confusion = z.infer<typeof ConfusionSchema>;
export type CurvePoint = z.infer<typeof CurvePointSchema>;
