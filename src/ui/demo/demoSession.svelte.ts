/**
 * The demo screen's controller: which problem is chosen and where the run comes from — a bundled
 * recording replayed at some speed, or the live engine loaded in the Model view — and the run in
 * progress. Owns no global state; App creates one and passes it down.
 */
import type { BundledProblemIndex, BundledRunIndex } from '../../core/record/bundledIndex';
import type { Executor } from '../../core/judging/executor';
import { runPipeline, type PipelineInput } from '../../core/pipeline/pipeline';
import type { Problem } from '../../core/problem/problem';
import { parseHashRoute, type HashRoute } from '../routing/hashRoute';
import type { RunRecord } from '../../core/record/runRecord';
import { parseRunRecord, serializeRunRecord } from '../../core/record/runRecordCodec';
import { ReplayEngine } from '../../engines/replay';
import { PlaybackGate } from '../../engines/playbackGate';
import { recordingShape, recordingSubset } from '../../core/record/recordingSubset';
import { RecordedExecutor } from '../../exec/recordedExecutor';
import { loadBundledProblem, loadBundledRun, loadProblemIndex, loadRunIndex } from '../data/bundledContent';
import type { RunHistory, SavedRunSummary } from '../data/runHistory';
import { JournalWriter } from '../data/journalWriter';
import { onScreenRun, rememberOnScreen, type OnScreenRun } from '../data/onScreenRun';
import type { RunJournal } from '../data/runJournal';
import type { ImportedProblemStore } from '../data/importedProblems';
import { ownProblemChoices, type ProblemChoice } from '../data/problemChoices';
import type { ReadyEngine } from '../model/readyEngine';
import type { LiveRunSettings } from '../settings/liveRunSettings.svelte';
import { RunView } from './runView.svelte';
import type { DownloadConsent } from './downloadConsent.svelte';
import { RunPace } from '../../core/pipeline/runPace';
import { measuredPace, rememberPace, type MeasuredPace } from '../data/measuredPace';

/** The engine loaded in the Model view, if any, and the live run's settings (shared with it). */
export interface LiveSource {
  readonly ready: ReadyEngine | null;
  readonly generation: LiveRunSettings;
  /** The context window chosen in the Model view, in tokens (presets size replies to it). */
  readonly contextWindow: number;
}

/** The source choice meaning "the live engine" rather than a recording file. */
export const LIVE = 'live';

/** The source choice replaying a run saved in this browser (a finished live run, say). */
export function savedSource(id: string): string {
  return `saved:${id}`;
}
const savedIdOf = (source: string): string | null => (source.startsWith('saved:') ? source.slice('saved:'.length) : null);

export class DemoSession {
  problems = $state<BundledProblemIndex['problems']>([]);
  /** Problems imported into or written in this browser: no recordings, so offered for live runs. */
  ownProblems = $state.raw<ProblemChoice[]>([]);
  allRuns = $state<BundledRunIndex['runs']>([]);
  problemId = $state('');
  problem = $state<Problem | null>(null);
  runFile = $state('');
  /** Replay pace in tokens per second; Infinity = instant. */
  speed = $state(80);
  error = $state<string | null>(null);
  /** The record being replayed or shown (its provenance is what the banner reports). */
  source = $state<RunRecord | null>(null);
  /** Runs kept in this browser (aborted ones too, labelled), newest first. */
  saved = $state<SavedRunSummary[]>([]);

  /**
   * Replays judge every program again in this browser (the audience sees real execution). Off, a
   * replay shows the recording's own results, labelled as such: for a slow network or a projector
   * laptop that should not download a Python runtime mid-lesson.
   */
  rejudge = $state(true);
  readonly view = new RunView();
  /** Speed and time left of the run in progress (or the last one). */
  pace = $state.raw<RunPace | null>(null);
  /** Bumped when a live run finishes, so the estimate before the next one re-reads what was measured. */
  private measuredRuns = $state(0);

  /** A record on the board whose problem is not here (or not in the version it ran on): no statement is shown. */
  recordProblem = $state<{ title: string; id: string; reason: 'absent' | 'other-version' } | null>(null);

  /** The run on screen was cut off by a reload or a crash: shown up to its last written event. */
  interrupted = $state<{ runId: string; events: number } | null>(null);

  /** The chosen recording, loaded as soon as it is chosen so its k and m can be offered. */
  recording = $state.raw<RunRecord | null>(null);
  /** How much of the recording to replay: its first k candidates, m critiques each (re-scored). */
  subset = $state({ k: 0, m: 0 });
  /** A replay held by pause (or single-stepping). */
  paused = $state(false);
  /** The largest k and m the chosen recording offers. */
  shape = $derived(this.recording ? recordingShape(this.recording) : { k: 0, m: 0 });

  runsForProblem = $derived(this.allRuns.filter((r) => r.problemId === this.problemId));
  /** This browser's own problems on offer: all of them while a live engine can run them, else the open one. */
  offeredOwnProblems = $derived(this.ownProblems.filter((p) => this.live.ready !== null || p.id === this.problemId));
  /** Finished runs saved here for the chosen problem: replayable like the bundled recordings. */
  savedForProblem = $derived(this.saved.filter((r) => r.problemId === this.problemId && r.status === 'complete'));

  private controller: AbortController | null = null;
  /** The replay engine in use, so a speed change applies mid-run. */
  private engine: ReplayEngine | null = null;
  private readonly gate = new PlaybackGate();
  /** The pipeline run in flight (or the last one), so a restart waits for the stopped run to settle. */
  private idle: Promise<unknown> = Promise.resolve();
  private readonly executor: Executor;
  private readonly history: RunHistory;
  private readonly live: LiveSource;
  private readonly journal: RunJournal | null;
  /** The start-up in flight or done: starting twice must not pick the first problem again. */
  private starting: Promise<void> | null = null;
  /** The visitor (or a link) picked a problem: nothing the start-up loads late may replace it. */
  private visitorChose = false;
  /**
   * Counts problems put on screen: a problem whose files arrive after a later one was chosen is
   * dropped, so a slow load never replaces what the visitor sees now.
   */
  private problemChoice = 0;
  private readonly imported: ImportedProblemStore | null;
  /** Asks before a large runtime download on a phone or with Data Saver (null: never asks). */
  readonly consent: DownloadConsent | null;

  /**
   * `executor` is the page's shared one: the session uses it but never disposes it. `journal`
   * keeps every event of a run as it happens, so a reload reopens it. `imported` holds the
   * problems imported into or written in this browser.
   */
  constructor(
    executor: Executor,
    history: RunHistory,
    live: LiveSource,
    journal: RunJournal | null = null,
    imported: ImportedProblemStore | null = null,
    consent: DownloadConsent | null = null,
  ) {
    this.executor = executor;
    this.history = history;
    this.live = live;
    this.journal = journal;
    this.imported = imported;
    this.consent = consent;
    // "Use the recording's verdicts", answered earlier in this session, still holds.
    if (consent?.remembered === 'recorded') this.rejudge = false;
  }

  /** The live run's settings (the Model view edits the sampling part of the same object). */
  get liveSettings(): LiveRunSettings {
    return this.live.generation;
  }

  get liveContextWindow(): number {
    return this.live.contextWindow;
  }

  /** What the last live run of the loaded model measured on this device, if any. */
  get liveMeasuredPace(): MeasuredPace | null {
    void this.measuredRuns;
    const ready = this.live.ready;
    return ready ? measuredPace(ready.model.id) : null;
  }

  /** The loaded engine's model, when there is one to run live. */
  get liveModel(): { id: string; label: string } | null {
    return this.live.ready?.model ?? null;
  }

  /** Loads the indexes and shows the linked, remembered or first problem; once per session. */
  init(): Promise<void> {
    this.starting ??= this.showFirst();
    return this.starting;
  }

  private async showFirst(): Promise<void> {
    // Read before selecting the first problem, which clears the screen (and so the memory of it).
    const remembered = onScreenRun();
    await this.attempt(async () => {
      const [problems, runs] = await Promise.all([loadProblemIndex(), loadRunIndex(), this.refreshOwnProblems()]);
      this.problems = problems.problems;
      this.allRuns = runs.runs;
      const linked = parseHashRoute(location.hash);
      const first = runs.runs[0]?.problemId ?? problems.problems[0]?.id;
      const followedLink = await this.openLink(linked);
      if (!followedLink && first) await this.showProblem(first);
      this.saved = await this.history.list();
      // A link says what to show, and so does a problem the visitor picked while the first one
      // loaded; otherwise the run that was on screen comes back. A reload keeps the link in the
      // address bar, so a run on the very problem (and source) it names comes back under it too.
      const keep = followedLink ? await this.shownByLink(remembered, linked) : !this.visitorChose;
      await this.reopenOnScreen(keep ? remembered : null);
    });
  }

  /** Whether the run that was on screen is on the problem (and source) the followed link names. */
  private async shownByLink(remembered: OnScreenRun | null, route: HashRoute): Promise<boolean> {
    if (!remembered || this.problemId !== route.problem) return false;
    if (remembered.kind === 'saved')
      return !route.run && (await this.history.load(remembered.id).catch(() => null))?.problem.id === route.problem;
    const entry = await this.journal?.entry(remembered.runId);
    return entry?.problemId === route.problem && (!route.run || entry.source === route.run);
  }

  /** After a reload: the run that was on screen, finished or cut off where it was. */
  private async reopenOnScreen(remembered: OnScreenRun | null): Promise<void> {
    await this.journal?.markInterrupted();
    if (remembered?.kind === 'saved') return this.openSaved(remembered.id);
    const entry = remembered && (await this.journal?.entry(remembered.runId));
    if (!remembered || !entry) return;
    // A finished run is in the history (saved before its journal catches up): show it whole.
    if (entry.status === 'finished' || (await this.history.list()).some((r) => r.id === entry.runId)) return this.openSaved(entry.runId);
    await this.showProblem(entry.problemId);
    const recording = this.runsForProblem.find((r) => r.file === entry.source);
    this.runFile = entry.source;
    if (recording) this.source = await loadBundledRun(recording);
    const events = await this.journal!.events(entry.runId);
    for (const event of events) this.view.apply(event);
    this.view.running = false;
    this.interrupted = { runId: entry.runId, events: events.length };
    rememberOnScreen(remembered);
  }

  /** Re-reads this browser's own problems (one may have been imported or written since). */
  async refreshOwnProblems(): Promise<void> {
    if (this.imported) this.ownProblems = await ownProblemChoices(this.imported);
  }

  /** Opens the problem (and recording) a link names, bundled or this browser's own; false when it names none we have. */
  async openLink(route: HashRoute): Promise<boolean> {
    if (route.problem && !this.problems.some((p) => p.id === route.problem)) await this.refreshOwnProblems();
    const known = (id: string) => this.problems.some((p) => p.id === id) || this.ownProblems.some((p) => p.id === id);
    if (!route.problem || !known(route.problem)) return false;
    if (route.problem !== this.problemId) await this.selectProblem(route.problem);
    if (route.run && this.runsForProblem.some((r) => r.file === route.run)) this.runFile = route.run;
    return true;
  }

  async openSaved(id: string): Promise<void> {
    await this.attempt(async () => {
      const record = await this.history.load(id);
      this.stop();
      this.source = record;
      this.view.show(record);
      this.interrupted = null;
      this.recordProblem = null;
      rememberOnScreen({ kind: 'saved', id });
    });
  }

  async deleteSaved(id: string): Promise<void> {
    await this.attempt(async () => {
      await this.history.remove(id);
      this.saved = await this.history.list();
    });
  }

  /** The visitor's (or a link's) choice of problem. */
  async selectProblem(id: string): Promise<void> {
    this.visitorChose = true;
    await this.showProblem(id);
  }

  private async showProblem(id: string): Promise<void> {
    this.stop();
    this.problemId = id;
    this.problem = null;
    this.recordProblem = null;
    // No source until the problem is here, unless the visitor picks one meanwhile (it then stands).
    this.runFile = '';
    this.recording = null;
    this.source = null;
    this.view.reset(0);
    this.interrupted = null;
    rememberOnScreen(null);
    const choice = ++this.problemChoice;
    await this.attempt(async () => {
      const bundled = this.problems.find((p) => p.id === id);
      const own = this.ownProblems.find((p) => p.id === id);
      if (!bundled && !own) throw new Error(`No problem "${id}" here.`);
      const problem = bundled ? await loadBundledProblem(bundled) : await own!.load();
      if (choice === this.problemChoice) this.problem = problem;
    });
    if (choice !== this.problemChoice || this.runFile !== '') return;
    await this.chooseSource(this.runsForProblem[0]?.file ?? (this.liveModel ? LIVE : ''));
  }

  /** Picks a recording — bundled, or a run saved here — (loaded now, so its k and m can be offered) or the live engine. */
  async chooseSource(file: string): Promise<void> {
    this.runFile = file;
    this.recording = null;
    this.subset = { k: 0, m: 0 };
    if (file === LIVE) return;
    await this.attempt(async () => {
      const recording = await this.loadRecording(file);
      if (this.runFile !== file || !recording) return;
      this.recording = recording;
      this.subset = recordingShape(recording);
    });
  }

  /** The recording a source choice names: a bundled file, or a run saved in this browser. */
  private async loadRecording(file: string): Promise<RunRecord | null> {
    const saved = savedIdOf(file);
    if (saved) return this.history.load(saved);
    const entry = this.runsForProblem.find((r) => r.file === file);
    return entry ? loadBundledRun(entry) : null;
  }

  /** Replays only the recording's first k candidates with m critiques each (clamped to what it has). */
  setSubset(k: number, m: number): void {
    const clamp = (value: number, max: number) => Math.min(max, Math.max(1, Math.round(value) || 1));
    this.subset = { k: clamp(k, this.shape.k), m: clamp(m, this.shape.m) };
  }

  /** Holds a replay where it is (live runs cannot be held: the model keeps generating). */
  pause(): void {
    this.gate.pause();
    this.paused = true;
  }

  resume(): void {
    this.gate.resume();
    this.paused = false;
  }

  togglePause(): void {
    if (this.paused) this.resume();
    else if (this.view.running && this.engine) this.pause();
    else if (!this.view.running) void this.start();
  }

  /** One streamed piece at a time; from a stopped state, starts the replay paused. */
  step(): void {
    if (!this.view.running) {
      if (this.runFile === LIVE) return;
      this.pause();
      void this.start();
    }
    this.gate.step();
  }

  /** Stops whatever is running and plays the same source again from the start. */
  async restart(): Promise<void> {
    this.stop();
    await this.waitUntilIdle();
    await this.start();
  }

  setSpeed(tokensPerSecond: number): void {
    this.speed = tokensPerSecond;
    if (this.engine) this.engine.tokensPerSecond = tokensPerSecond;
  }

  /** Runs the loop: a replay of the chosen recording, or live on the loaded engine. */
  async start(): Promise<void> {
    const problem = this.problem;
    // While the download question waits for an answer, the run it belongs to is already starting.
    if (!problem || this.view.running || this.consent?.question) return;
    if (this.runFile === LIVE) {
      await this.attempt(() => this.runLive(problem));
      return;
    }
    await this.attempt(async () => {
      const recording = this.recording ?? (await this.loadRecording(this.runFile));
      if (!recording) return;
      // On a phone or with Data Saver, a large runtime download waits for the visitor's yes.
      if (this.rejudge && this.consent && !(await this.consent.judgeHere(recording.settings.language))) this.rejudge = false;
      const { k, m } = this.subset.k > 0 ? this.subset : recordingShape(recording);
      await this.replay(recording, recordingSubset(recording, k, m), problem);
    });
  }

  stop(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = null;
    // A paused replay must not stay held: its streams have to see the abort.
    this.resume();
  }

  private async waitUntilIdle(): Promise<void> {
    await this.idle.catch(() => {});
  }

  exportRecord(): string | null {
    return this.view.record ? serializeRunRecord(this.view.record) : null;
  }

  /** Shows an exported run record exactly as the file has it (nothing is re-run or rescored). */
  async importRecord(text: string): Promise<void> {
    let record: RunRecord;
    try {
      record = parseRunRecord(text);
    } catch (error) {
      this.error = `Could not import that file: ${(error as Error).message}`;
      return;
    }
    await this.showRecord(record);
  }

  /**
   * Puts a run record on the board as it is (nothing re-run or rescored): an imported file, or a
   * problem of an eval opened from the Results view. Its problem's statement comes with it when
   * the problem is here (bundled, or imported into this browser) in the version the run used;
   * otherwise `recordProblem` says why there is none, rather than showing another problem's.
   */
  async showRecord(record: RunRecord): Promise<void> {
    // The start-up must not put its first (or remembered) problem over this record.
    this.visitorChose = true;
    await this.init();
    this.error = null;
    this.stop();
    const id = record.problem.id;
    if (!this.problems.some((p) => p.id === id) && !this.ownProblems.some((p) => p.id === id)) await this.refreshOwnProblems();
    const known = this.problems.some((p) => p.id === id) || this.ownProblems.some((p) => p.id === id);
    if (known && id !== this.problemId) await this.selectProblem(id);
    const same = known && this.problem?.contentHash === record.problem.contentHash;
    if (!same) {
      this.problem = null;
      this.problemId = id;
    }
    this.source = record;
    this.view.show(record);
    this.interrupted = null;
    this.recordProblem = same ? null : { title: record.problem.title, id, reason: known ? 'other-version' : 'absent' };
    rememberOnScreen(null);
  }

  /** `played` is the part of `recording` chosen with k and m; its provenance is the recording's. */
  private async replay(recording: RunRecord, played: RunRecord, problem: Problem): Promise<void> {
    if (recording.problem.contentHash !== problem.contentHash) {
      throw new Error(`This recording was made for a different version of "${recording.problem.title}" (content hash differs).`);
    }
    this.source = recording;
    // One gate for the session: a pause or step asked for before the start holds from the first piece.
    this.engine = new ReplayEngine(played, { tokensPerSecond: this.speed, gate: this.gate });
    await this.execute({
      problem,
      engine: this.engine,
      executor: this.rejudge ? this.executor : new RecordedExecutor(played),
      settings: played.settings,
      model: recording.model,
      provenance: {
        kind: recording.provenance.kind === 'live' ? 'replayed' : recording.provenance.kind,
        note: `Replay of run ${recording.id}. ${recording.provenance.note}`.trim(),
        ...(recording.provenance.caption ? { caption: recording.provenance.caption } : {}),
      },
    });
  }

  private async runLive(problem: Problem): Promise<void> {
    const ready = this.live.ready;
    if (!ready) throw new Error('No model is loaded: load one in the Model view, or connect an OpenAI-compatible endpoint there.');
    this.engine = null;
    this.source = null;
    const record = await this.execute({
      problem,
      engine: ready.engine,
      executor: this.executor,
      settings: this.live.generation.snapshot(),
      // Plain data only: every event is journalled to IndexedDB, which cannot clone state proxies.
      model: { id: ready.model.id, label: ready.model.label },
      ...(ready.endpoint ? { endpoint: ready.endpoint } : {}),
      provenance: {
        kind: 'live',
        note: `Generated and critiqued by ${ready.model.label} (${ready.engine.kind}); programs judged in this browser.`,
      },
    });
    this.source = record;
  }

  /** Runs the pipeline into the view and keeps the finished record. */
  private async execute(input: Omit<PipelineInput, 'signal' | 'onEvent'>): Promise<RunRecord> {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    const runId = globalThis.crypto.randomUUID();
    const writer = await this.startJournal(runId);
    const pace = new RunPace(input.settings);
    this.pace = pace;
    const run = runPipeline({
      ...input,
      runId,
      signal: controller.signal,
      pace: { tracker: pace, clock: () => performance.now() },
      onEvent: (event) => {
        this.view.apply(event);
        writer?.record(event);
      },
    });
    this.idle = run;
    try {
      const record = await run;
      if (record.status === 'complete') {
        rememberPace(record);
        this.measuredRuns++;
      }
      // Aborted runs are kept too (labelled as such in the list): a stopped lesson loses nothing.
      await this.history.save(record);
      this.saved = await this.history.list();
      await writer?.settled();
      await this.journal?.setStatus(runId, 'finished');
      if (writer?.failure)
        this.error = `This run is saved, but its events could not all be kept as it ran (${writer.failure.message}): a reload during a run would not have reopened it.`;
      return record;
    } finally {
      if (this.controller === controller) this.controller = null;
      if (!this.controller) {
        this.engine = null;
        this.resume();
      }
    }
  }

  /** Opens the run's journal and marks it as the run on screen; a journal that fails is skipped. */
  private async startJournal(runId: string): Promise<JournalWriter | null> {
    this.interrupted = null;
    if (!this.journal) return null;
    try {
      await this.journal.begin({ runId, problemId: this.problemId, source: this.runFile, startedAt: new Date().toISOString() });
      rememberOnScreen({ kind: 'journal', runId });
      return new JournalWriter(this.journal, runId);
    } catch {
      return null; // no IndexedDB (private mode, storage full): the run still runs, unjournaled
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
