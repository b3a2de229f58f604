/** Every hand-written demo run, one file per bundled problem (the builder and its test read this list). */
import type { HandwrittenRun } from './handwrittenRun';
import { BEST_STRETCH } from './bestStretch';
import { BUS_STOPS } from './busStops';

export const HANDWRITTEN_RUNS: HandwrittenRun[] = [BEST_STRETCH, BUS_STOPS];
