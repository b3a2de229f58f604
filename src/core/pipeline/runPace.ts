/**
 * How fast a run is going and how long it has left, read from its pipeline events as they arrive
 * (the clock is the caller's, so tests can run it at a fixed token rate).
 *
 * Speed is per stage — generation and critique — in streamed tokens (one delta event is one decode
 * step, docs/model.md) per second of wall time during which that stage had a reply streaming.
 * Time left assumes every reply not yet finished will be as long as the finished replies of its
 * stage on average (before any has finished: its token cap, so the first figure errs long), and
 * that requests run `settings.concurrency` at a time in the pipeline's order.
 */
import type { PipelineEvent } from './pipelineEvent';
import type { RunSettings } from '../record/runSettings';
import type { PaceRecord } from '../record/runRecord';

type PaceStage = 'generation' | 'critique';

interface StageClock {
  tokens: number;
  /** Wall time with at least one reply of the stage streaming, ms. */
  busyMs: number;
  active: number;
  since: number;
  finishedTokens: number;
  finished: number;
}

/** One reply of the run: which candidate it serves, its stage, and how far it has streamed. */
interface Reply {
  candidate: number;
  stage: PaceStage;
  streamed: number;
  done: boolean;
}

export interface PaceReport {
  tokensPerSecond: Record<PaceStage, number | null>;
  /** Seconds until the whole run ends; null before anything was measured. */
  runSeconds: number | null;
  /** Seconds until each candidate's generation and critiques are done (0 when done). */
  candidateSeconds: (number | null)[];
}

export class RunPace {
  private readonly clocks: Record<PaceStage, StageClock> = { generation: blankClock(), critique: blankClock() };
  private readonly replies = new Map<string, Reply>();
  private readonly estimates: PaceRecord['estimates'] = [];
  private startedMs: number | null = null;

  constructor(private readonly settings: RunSettings) {
    for (let c = 0; c < settings.k; c++) {
      this.replies.set(`g${c}`, { candidate: c, stage: 'generation', streamed: 0, done: false });
      for (let m = 0; m < settings.m; m++) this.replies.set(`c${c}.${m}`, { candidate: c, stage: 'critique', streamed: 0, done: false });
    }
  }

  observe(event: PipelineEvent, nowMs: number): void {
    this.startedMs ??= nowMs;
    switch (event.type) {
      case 'generation-started':
        return this.start('generation', nowMs);
      case 'critique-started':
        return this.start('critique', nowMs);
      case 'generation-delta':
        return this.stream(`g${event.candidate}`);
      case 'critique-delta':
        return this.stream(`c${event.candidate}.${event.critique}`);
      case 'generation-done':
        this.finish(`g${event.candidate}`, 'generation', nowMs);
        // A candidate without a program is never critiqued.
        if (event.generation.program === null)
          for (let m = 0; m < this.settings.m; m++) this.replies.get(`c${event.candidate}.${m}`)!.done = true;
        return this.noteEstimate(event.candidate, nowMs);
      case 'critique-done':
        return this.finish(`c${event.candidate}.${event.critique}`, 'critique', nowMs);
      default:
        return;
    }
  }

  report(nowMs: number): PaceReport {
    const tokensPerSecond = { generation: this.rate('generation', nowMs), critique: this.rate('critique', nowMs) };
    const overall = this.rate(null, nowMs);
    const secondsFor = (reply: Reply): number | null => {
      if (reply.done) return 0;
      const speed = tokensPerSecond[reply.stage] ?? overall;
      return speed ? Math.max(0, this.expectedTokens(reply.stage) - reply.streamed) / speed : null;
    };
    // Walk the replies in the pipeline's order, `concurrency` at a time.
    const lanes = Math.max(1, this.settings.concurrency);
    let elapsed = 0;
    const candidateSeconds: (number | null)[] = Array.from({ length: this.settings.k }, () => 0);
    for (const reply of this.order()) {
      const seconds = secondsFor(reply);
      if (seconds === null) return { tokensPerSecond, runSeconds: null, candidateSeconds: candidateSeconds.map(() => null) };
      elapsed += seconds / lanes;
      if (!reply.done) candidateSeconds[reply.candidate] = elapsed;
    }
    return { tokensPerSecond, runSeconds: elapsed, candidateSeconds };
  }

  /** What the run keeps: the speeds reached and the estimates made along the way. */
  summary(nowMs: number): PaceRecord {
    return { tokensPerSecond: this.report(nowMs).tokensPerSecond, estimates: [...this.estimates] };
  }

  private noteEstimate(candidate: number, nowMs: number): void {
    const { runSeconds } = this.report(nowMs);
    if (runSeconds !== null) this.estimates.push({ candidate, atSeconds: (nowMs - (this.startedMs ?? nowMs)) / 1000, runSeconds });
  }

  private order(): Reply[] {
    const { k, m } = this.settings;
    const generation = (c: number) => this.replies.get(`g${c}`)!;
    const critiques = (c: number) => Array.from({ length: m }, (_, j) => this.replies.get(`c${c}.${j}`)!);
    const candidates = Array.from({ length: k }, (_, c) => c);
    return this.settings.order === 'paper'
      ? [...candidates.map(generation), ...candidates.flatMap(critiques)]
      : candidates.flatMap((c) => [generation(c), ...critiques(c)]);
  }

  /** The length a reply of this stage is expected to reach, in tokens. */
  private expectedTokens(stage: PaceStage): number {
    const clock = this.clocks[stage];
    if (clock.finished > 0) return clock.finishedTokens / clock.finished;
    const cap = stage === 'generation' ? this.settings.maxTokens : this.settings.critiqueMaxTokens;
    return cap;
  }

  private rate(stage: PaceStage | null, nowMs: number): number | null {
    const clocks = stage ? [this.clocks[stage]] : Object.values(this.clocks);
    const tokens = clocks.reduce((n, c) => n + c.tokens, 0);
    const ms = clocks.reduce((n, c) => n + c.busyMs + (c.active > 0 ? nowMs - c.since : 0), 0);
    return tokens > 0 && ms > 0 ? (tokens / ms) * 1000 : null;
  }

  private start(stage: PaceStage, nowMs: number): void {
    const clock = this.clocks[stage];
    if (clock.active++ === 0) clock.since = nowMs;
  }

  private stream(key: string): void {
    const reply = this.replies.get(key);
    if (!reply) return;
    reply.streamed++;
    this.clocks[reply.stage].tokens++;
  }

  private finish(key: string, stage: PaceStage, nowMs: number): void {
    const reply = this.replies.get(key);
    if (!reply || reply.done) return;
    reply.done = true;
    const clock = this.clocks[stage];
    clock.finished++;
    clock.finishedTokens += reply.streamed;
    if (--clock.active === 0) clock.busyMs += nowMs - clock.since;
  }
}

function blankClock(): StageClock {
  return { tokens: 0, busyMs: 0, active: 0, since: 0, finishedTokens: 0, finished: 0 };
}
