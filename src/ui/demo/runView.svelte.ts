/**
 * What the demo screen shows of one run, built by folding the pipeline's events in order, so the
 * screen can never disagree with the run record the same events produce.
 */
import type { PipelineEvent } from '../../core/pipeline/pipelineEvent';
import type { TestResult } from '../../core/judging/judgeResult';
import type { CritiqueRecord, ExecutionRecord, GenerationRecord, RunRecord } from '../../core/record/runRecord';
import type { SelectionRecord } from '../../core/selection/selectionRecord';
import type { RunMetrics } from '../../core/metrics/metricsSchema';
import type { CritiqueStyle } from '../../core/chat/critiqueVerdict';
import { critiqueStates, generationStates, type OutputState } from '../../core/modelOutput/outputStates';

export type Phase = 'waiting' | 'streaming' | 'done';

/** Characters of a trace's live tail: about five lines of a card. */
export const TAIL_CHARS = 320;

/**
 * The end of a growing trace, kept alongside it. Reading the end of the whole trace on every piece
 * would flatten a string of up to 100 kB each time (quadratic over a long trace); this is constant.
 */
function extendTail(tail: string, piece: string): string {
  const next = tail + piece;
  return next.length > TAIL_CHARS ? next.slice(next.length - TAIL_CHARS) : next;
}

export class CritiqueView {
  phase = $state<Phase>('waiting');
  reasoning = $state('');
  /** The last TAIL_CHARS of the reasoning, for the live view. */
  tail = $state('');
  answer = $state('');
  /** Pieces streamed so far (an engine streams about one token per piece); exact counts arrive with the record. */
  pieces = $state(0);
  record = $state<CritiqueRecord | null>(null);
  /** How the critique deviated from the format asked for (no verdict, contradictory, cut...). */
  states = $state<OutputState[]>([]);

  finish(record: CritiqueRecord, style: CritiqueStyle): void {
    this.record = record;
    this.states = critiqueStates(record, style);
    this.reasoning = record.reasoning;
    this.tail = record.reasoning.slice(-TAIL_CHARS);
    this.answer = record.answer;
    this.phase = 'done';
  }
}

export class CandidateView {
  readonly index: number;
  phase = $state<Phase>('waiting');
  reasoning = $state('');
  /** The last TAIL_CHARS of the reasoning, for the live view. */
  tail = $state('');
  answer = $state('');
  /** Pieces streamed so far (about one token each); exact counts arrive with the generation record. */
  pieces = $state(0);
  generation = $state<GenerationRecord | null>(null);
  critiques = $state<CritiqueView[]>([]);
  executing = $state(false);
  liveTests = $state<TestResult[]>([]);
  execution = $state<ExecutionRecord | null>(null);
  /** How the answer deviated from what was asked (no code, several blocks, cut by the limit...). */
  states = $state<OutputState[]>([]);

  constructor(index: number) {
    this.index = index;
  }

  finish(generation: GenerationRecord): void {
    this.generation = generation;
    this.states = generationStates(generation);
    this.reasoning = generation.reasoning;
    this.tail = generation.reasoning.slice(-TAIL_CHARS);
    this.answer = generation.answer;
    this.phase = 'done';
  }

  critique(index: number): CritiqueView {
    while (this.critiques.length <= index) this.critiques.push(new CritiqueView());
    return this.critiques[index]!;
  }
}

/** Text streamed into one trace since the screen last showed it. */
interface PendingText {
  reasoning: string;
  content: string;
  pieces: number;
}

/** Something that shows a streaming trace: a candidate's generation or one of its critiques. */
type Streamed = CandidateView | CritiqueView;

/** Next frame in a browser; elsewhere (tests, Node) at the end of the current task. */
const nextFrame: (run: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (run) => requestAnimationFrame(() => run()) : (run) => queueMicrotask(run);

export class RunView {
  candidates = $state<CandidateView[]>([]);
  selections = $state<SelectionRecord[]>([]);
  metrics = $state<RunMetrics | null>(null);
  record = $state<RunRecord | null>(null);
  running = $state(false);
  /** The run's critique format: how each critique's verdict is read. */
  private critiqueStyle: CritiqueStyle = 'ocr2';

  /** Results are shown only for a run that completed: a stopped run's partial scores mean nothing. */
  get scored(): boolean {
    return this.record?.status === 'complete';
  }

  reset(k: number): void {
    this.pending.clear();
    this.candidates = Array.from({ length: k }, (_, i) => new CandidateView(i));
    this.selections = [];
    this.metrics = null;
    this.record = null;
  }

  /**
   * Streamed text waits here until the next frame: a model (or a replay) can send a thousand pieces
   * a second, the screen shows sixty frames, and each piece applied on its own would make the page
   * redo its work for every one of them. Any other event shows the waiting text first, so the
   * order of what the screen shows never changes.
   */
  private readonly pending = new Map<Streamed, PendingText>();
  private flushScheduled = false;

  apply(event: PipelineEvent): void {
    if (event.type === 'generation-delta') return this.queue(this.at(event.candidate), event);
    if (event.type === 'critique-delta') return this.queue(this.at(event.candidate).critique(event.critique), event);
    this.flush();
    switch (event.type) {
      case 'run-started':
        this.reset(event.settings.k);
        this.critiqueStyle = event.settings.critiqueStyle;
        this.running = true;
        break;
      case 'generation-started':
        this.at(event.candidate).phase = 'streaming';
        break;
      case 'generation-done':
        this.at(event.candidate).finish(event.generation);
        break;
      case 'critique-started':
        this.at(event.candidate).critique(event.critique).phase = 'streaming';
        break;
      case 'critique-done':
        this.at(event.candidate).critique(event.critique).finish(event.record, this.critiqueStyle);
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

  /** Shows all streamed text that is waiting for a frame (called by the next frame or the next event). */
  flush(): void {
    for (const [view, text] of this.pending) {
      if (text.reasoning) {
        view.reasoning += text.reasoning;
        view.tail = extendTail(view.tail, text.reasoning);
      }
      if (text.content) view.answer += text.content;
      view.pieces += text.pieces;
    }
    this.pending.clear();
  }

  private queue(view: Streamed, delta: { reasoning?: string; content?: string }): void {
    const text = this.pending.get(view) ?? { reasoning: '', content: '', pieces: 0 };
    text.reasoning += delta.reasoning ?? '';
    text.content += delta.content ?? '';
    text.pieces++;
    this.pending.set(view, text);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    nextFrame(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Shows a finished record (an import) without streaming it. */
  show(record: RunRecord): void {
    this.reset(record.candidates.length);
    this.critiqueStyle = record.settings.critiqueStyle;
    record.candidates.forEach((candidate, i) => {
      const view = this.candidates[i]!;
      view.finish(candidate.generation);
      view.execution = candidate.execution;
      candidate.critiques.forEach((critique, c) => view.critique(c).finish(critique, this.critiqueStyle));
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
