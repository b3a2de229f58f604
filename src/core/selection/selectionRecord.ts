/** What a selection strategy picked, as the run record stores it. */
import { z } from 'zod';
import { SELECTION_STRATEGIES } from './selectionStrategy';

export const SelectionSchema = z.object({
  strategy: z.enum(SELECTION_STRATEGIES),
  /** Candidate indices the strategy picks among, uniformly; one index for a deterministic choice, empty when it cannot pick. */
  picks: z.array(z.number().int().min(0)),
  /** One sentence a person can read: why these. */
  reason: z.string(),
  /** Expected correctness of the pick (null when ground truth is missing). */
  expectedCorrect: z.number().min(0).max(1).nullable(),
});

export type SelectionRecord = z.infer<typeof SelectionSchema>;
