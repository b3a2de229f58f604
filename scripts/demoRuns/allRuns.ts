/** Every hand-written demo run, at least one per bundled problem (the builder reads this list). */
import type { HandwrittenRun } from './handwrittenRun';
import { A_PLUS_B } from './aPlusB';
import { BEST_STRETCH } from './bestStretch';
import { BEST_STRETCH_VOTE } from './bestStretchVote';
import { BUS_STOPS } from './busStops';
import { CIRCLE_AREA } from './circleArea';
import { CLASS_AVERAGE } from './classAverage';
import { CLOSEST_READINGS } from './closestReadings';
import { DRY_SPELL } from './drySpell';
import { IS_IT_EVEN } from './isItEven';
import { MEETING_ROOMS } from './meetingRooms';
import { PAIR_SUM } from './pairSum';
import { SHOUT } from './shout';

export const HANDWRITTEN_RUNS: HandwrittenRun[] = [
  BEST_STRETCH,
  BEST_STRETCH_VOTE,
  BUS_STOPS,
  CLOSEST_READINGS,
  DRY_SPELL,
  MEETING_ROOMS,
  A_PLUS_B,
  IS_IT_EVEN,
  SHOUT,
  CIRCLE_AREA,
  CLASS_AVERAGE,
  PAIR_SUM,
];
