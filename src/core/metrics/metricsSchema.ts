/** A run's scoreboard as the run record stores it (computed by computeMetrics.ts). */
import { z } from 'zod';

const ConfusionSchema = z.object({
  rightCorrect: z.number().int().min(0),
  rightIncorrect: z.number().int().min(0),
  wrongCorrect: z.number().int().min(0),
  wrongIncorrect: z.number().int().min(0),
  noVerdict: z.number().int().min(0),
});

const CurvePointSchema = z.object({ k: z.number().int().min(1), value: z.number().min(0).max(1) });

export const MetricsSchema = z.object({
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
    /** `exact`: averaged over every subset (enumerated, or in closed form). `monte-carlo`: `samples` seeded draws per k, in records written before the closed form. */
    method: z.enum(['exact', 'monte-carlo']),
    samples: z.number().int().min(0),
  }),
});

export type RunMetrics = z.infer<typeof MetricsSchema>;
export type Confusion = z.infer<typeof ConfusionSchema>;
export type CurvePoint = z.infer<typeof CurvePointSchema>;
