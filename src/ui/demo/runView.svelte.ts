/**
 * What the demo screen shows of one run, built by folding the pipeline's events in order, so the
 * screen can never disagree with the run record the same events produce.
 */
import type { PipelineEvent } from '../../core/pipeline/pipelineEvent';
import type { TestResult } from '../../core/judging/judgeResult';
import type { CritiqueRecord, ExecutionRecord, GenerationRecord, RunRecord } from '../../core/record/runRecord';
import type { SelectionRecord } from '../../core/selection/selectionRecord';
import type { RunMetrics } from '../../core/metrics/runMetrics';

export type Phase = 'waiting' | 'streaming' | 'done';

export class CritiqueView {
  phase = $state<Phase>('waiting');
  reasoning = $state('');
  answer = $state('');
  /** Pieces streamed so far (an engine streams about one token per piece); exact counts arrive with the record. */
  pieces = $state(0);
  record = $state<CritiqueRecord | null>(null);

  finish(record: CritiqueRecord): void {
    this.record = record;
    this.reasoning = record.reasoning;
    this.answer = record.answer;
    this.phase = 'done';
  }
}

export class CandidateView {
  readonly index: number;
  phase = $state<Phase>('waiting');
  reasoning = $state('');
  answer = $state('');
  /** Pieces streamed so far (about one token each); exact counts arrive with the generation record. */
  pieces = $state(0);
  generation = $state<GenerationRecord | null>(null);
  critiques = $state<CritiqueView[]>([]);
  executing = $state(false);
  liveTests = $state<TestResult[]>([]);
  execution = $state<ExecutionRecord | null>(null);

  constructor(index: number) {
    this.index = index;
  }

  finish(generation: GenerationRecord): void {
    this.generation = generation;
    this.reasoning = generation.reasoning;
    this.answer = generation.answer;
    this.phase = 'done';
  }

  critique(index: number): CritiqueView {
    while (this.critiques.length <= index) this.critiques.push(new CritiqueView());
    return this.critiques[index]!;
  }
}

export class RunView {
  candidates = $state<CandidateView[]>([]);
  selections = $state<SelectionRecord[]>([]);
  metrics = $state<RunMetrics | null>(null);
  record = $state<RunRecord | null>(null);
  running = $state(false);

  /** Results are shown only for a run that completed: a stopped run's partial scores mean nothing. */
  get scored(): boolean {
    return this.record?.status === 'complete';
  }

  reset(k: number): void {
    this.candidates = Array.from({ length: k }, (_, i) => new CandidateView(i));
    this.selections = [];
    this.metrics = null;
    this.record = null;
  }

  apply(event: PipelineEvent): void {
    switch (event.type) {
      case 'run-started':
        this.reset(event.settings.k);
        this.running = true;
        break;
      case 'generation-started':
        this.at(event.candidate).phase = 'streaming';
        break;
      case 'generation-delta': {
        const c = this.at(event.candidate);
        if (event.reasoning) c.reasoning += event.reasoning;
        if (event.content) c.answer += event.content;
        c.pieces++;
        break;
      }
      case 'generation-done':
        this.at(event.candidate).finish(event.generation);
        break;
      case 'critique-started':
        this.at(event.candidate).critique(event.critique).phase = 'streaming';
        break;
      case 'critique-delta': {
        const view = this.at(event.candidate).critique(event.critique);
        if (event.reasoning) view.reasoning += event.reasoning;
        if (event.content) view.answer += event.content;
        view.pieces++;
        break;
      }
      case 'critique-done':
        this.at(event.candidate).critique(event.critique).finish(event.record);
        break;
      case 'execution-started':
        this.at(event.candidate).executing = true;
        this.at(event.candidate).liveTests = [];
        break;
      case 'execution-test':
        this.at(event.candidate).liveTests.push(event.test);
        break;
      case 'execution-done':
        this.at(event.candidate).execution = event.execution;
        this.at(event.candidate).executing = false;
        break;
      case 'selection':
        this.selections = event.selections;
        break;
      case 'metrics':
        this.metrics = event.metrics;
        break;
      case 'run-finished':
        this.record = event.record;
        this.running = false;
        break;
    }
  }

  /** Shows a finished record (an import) without streaming it. */
  show(record: RunRecord): void {
    this.reset(record.candidates.length);
    record.candidates.forEach((candidate, i) => {
      const view = this.candidates[i]!;
      view.finish(candidate.generation);
      view.execution = candidate.execution;
      candidate.critiques.forEach((critique, c) => view.critique(c).finish(critique));
    });
    this.selections = record.selections;
    this.metrics = record.metrics;
    this.record = record;
  }

  private at(index: number): CandidateView {
    const view = this.candidates[index];
    if (!view) throw new Error(`event for unknown candidate ${index}`);
    return view;
  }
}
