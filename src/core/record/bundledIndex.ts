/** Shapes of public/problems/index.json and public/runs/index.json (written by `npm run bundled`). */
import type { RunRecord } from './runRecord';

export interface BundledProblemIndex {
  problems: { id: string; title: string; contentHash: string; files: string[] }[];
}

export interface BundledRunIndex {
  runs: { file: string; id: string; problemId: string; title: string; provenance: RunRecord['provenance']['kind']; caption?: string }[];
}
