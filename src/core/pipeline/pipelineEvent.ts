/**
 * What the pipeline tells its audience (the UI, the CLI's progress line, tests) as a run unfolds.
 * Candidate and critique numbers are 0-based indices; the UI shows them 1-based.
 */
import type { TestResult } from '../judging/judgeResult';
import type { CritiqueRecord, ExecutionRecord, GenerationRecord, RunRecord } from '../record/runRecord';
import type { SelectionRecord } from '../selection/selectionRecord';
import type { RunMetrics } from '../metrics/metricsSchema';
import type { RunSettings } from '../record/runSettings';

export type PipelineEvent =
  | { type: 'run-started'; runId: string; settings: RunSettings }
  | { type: 'generation-started'; candidate: number }
  | { type: 'generation-delta'; candidate: number; reasoning?: string; content?: string }
  | { type: 'generation-done'; candidate: number; generation: GenerationRecord }
  | { type: 'critique-started'; candidate: number; critique: number }
  | { type: 'critique-delta'; candidate: number; critique: number; reasoning?: string; content?: string }
  | { type: 'critique-done'; candidate: number; critique: number; record: CritiqueRecord }
  | { type: 'execution-started'; candidate: number }
  | { type: 'execution-test'; candidate: number; test: TestResult }
  | { type: 'execution-done'; candidate: number; execution: ExecutionRecord }
  | { type: 'selection'; selections: SelectionRecord[] }
  | { type: 'metrics'; metrics: RunMetrics }
  | { type: 'run-finished'; record: RunRecord };
