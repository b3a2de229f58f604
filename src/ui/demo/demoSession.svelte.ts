/**
 * The demo screen's controller: which problem and recording are chosen, the replay speed, and the
 * run in progress. Owns no global state; App creates one and passes it down.
 */
import type { BundledProblemIndex, BundledRunIndex } from '../../core/bundledIndex';
import type { Executor } from '../../core/judgeResult';
import type { Problem } from '../../core/problem';
import type { RunRecord } from '../../core/runRecord';
import { runPipeline } from '../../core/pipeline';
import { parseRunRecord, serializeRunRecord } from '../../core/runRecordCodec';
import { ReplayEngine } from '../../engines/replay';
import { loadBundledProblem, loadBundledRun, loadProblemIndex, loadRunIndex } from '../data/bundledContent';
import { RunView } from './runView.svelte';
import type { RunHistory, SavedRunSummary } from '../data/runHistory';

/** Chooses where ground truth comes from for a replay of `recording`. */
export type ExecutorFactory = (recording: RunRecord) => Executor;

export class DemoSession {
  problems = $state<BundledProblemIndex['problems']>([]);
  allRuns = $state<BundledRunIndex['runs']>([]);
  problemId = $state('');
  problem = $state<Problem | null>(null);
  runFile = $state('');
  /** Replay pace in tokens per second; Infinity = instant. */
  speed = $state(80);
  error = $state<string | null>(null);
  /** The record being replayed or shown (its provenance is what the banner reports). */
  source = $state<RunRecord | null>(null);
  /** Finished runs kept in this browser, newest first. */
  saved = $state<SavedRunSummary[]>([]);
  readonly view = new RunView();

  runsForProblem = $derived(this.allRuns.filter((r) => r.problemId === this.problemId));

  private controller: AbortController | null = null;
  private engine: ReplayEngine | null = null;
  private readonly makeExecutor: ExecutorFactory;
  private readonly history: RunHistory;

  constructor(makeExecutor: ExecutorFactory, history: RunHistory) {
    this.makeExecutor = makeExecutor;
    this.history = history;
  }

  async init(): Promise<void> {
    await this.attempt(async () => {
      const [problems, runs] = await Promise.all([loadProblemIndex(), loadRunIndex()]);
      this.problems = problems.problems;
      this.allRuns = runs.runs;
      const first = runs.runs[0]?.problemId ?? problems.problems[0]?.id;
      if (first) await this.selectProblem(first);
      this.saved = await this.history.list();
    });
  }

  async openSaved(id: string): Promise<void> {
    await this.attempt(async () => {
      const record = await this.history.load(id);
      this.stop();
      this.source = record;
      this.view.show(record);
    });
  }

  async deleteSaved(id: string): Promise<void> {
    await this.attempt(async () => {
      await this.history.remove(id);
      this.saved = await this.history.list();
    });
  }

  async selectProblem(id: string): Promise<void> {
    this.stop();
    this.problemId = id;
    this.problem = null;
    this.runFile = this.runsForProblem[0]?.file ?? '';
    this.source = null;
    this.view.reset(0);
    await this.attempt(async () => {
      const entry = this.problems.find((p) => p.id === id);
      if (!entry) throw new Error(`No bundled problem "${id}".`);
      this.problem = await loadBundledProblem(entry);
    });
  }

  setSpeed(tokensPerSecond: number): void {
    this.speed = tokensPerSecond;
    if (this.engine) this.engine.tokensPerSecond = tokensPerSecond;
  }

  /** Replays the chosen recording through the real pipeline. */
  async start(): Promise<void> {
    const entry = this.runsForProblem.find((r) => r.file === this.runFile);
    const problem = this.problem;
    if (!entry || !problem || this.view.running) return;
    await this.attempt(async () => {
      const recording = await loadBundledRun(entry);
      await this.replay(recording, problem);
    });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  exportRecord(): string | null {
    return this.view.record ? serializeRunRecord(this.view.record) : null;
  }

  /** Shows an exported run record; it is rescored by nothing — the file is shown as it is. */
  importRecord(text: string): void {
    this.error = null;
    try {
      const record = parseRunRecord(text);
      this.stop();
      this.source = record;
      this.view.show(record);
    } catch (error) {
      this.error = `Could not import that file: ${(error as Error).message}`;
    }
  }

  private async replay(recording: RunRecord, problem: Problem): Promise<void> {
    if (recording.problem.contentHash !== problem.contentHash) {
      throw new Error(`This recording was made for a different version of "${recording.problem.title}" (content hash differs).`);
    }
    this.stop();
    this.source = recording;
    const controller = new AbortController();
    this.controller = controller;
    this.engine = new ReplayEngine(recording, { tokensPerSecond: this.speed });
    const executor = this.makeExecutor(recording);
    try {
      const record = await runPipeline({
        problem,
        engine: this.engine,
        executor,
        settings: recording.settings,
        model: recording.model,
        provenance: {
          kind: recording.provenance.kind === 'live' ? 'replayed' : recording.provenance.kind,
          note: `Replay of run ${recording.id}. ${recording.provenance.note}`.trim(),
        },
        signal: controller.signal,
        onEvent: (event) => this.view.apply(event),
      });
      await this.history.save(record);
      this.saved = await this.history.list();
    } finally {
      await executor.dispose();
      if (this.controller === controller) this.controller = null;
    }
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }
}
