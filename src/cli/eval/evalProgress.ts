/**
 * What an eval says while it runs: on a terminal, one status line redrawn in place (a bar over
 * problems, counts of generated, critiqued and judged candidates, the server's tokens per second,
 * an ETA); otherwise (a log file, CI) a plain line per finished problem with the same figures.
 * Tokens per second and the ETA count only requests the server answered in this run, not replays
 * from the journal.
 */
import type { ChatUsage } from '../../core/chat/chatEngine';
import type { PipelineEvent } from '../../core/pipeline/pipelineEvent';
import type { RunRecord } from '../../core/record/runRecord';
import { pct } from './evalMarkdown';

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_MS = 250;
const BAR_WIDTH = 20;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class EvalProgress {
  private generated = 0;
  private critiqued = 0;
  private judged = 0;
  private finished = 0;
  private liveTokens = 0;
  private liveRequests = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(
    private readonly totals: { problems: number; k: number; m: number },
    private readonly sink: ProgressSink,
    private readonly quiet: boolean,
  ) {
    this.tty = sink.isTTY === true && !quiet;
  }

  /** Problems already finished by an earlier run (replayed from the journal). */
  resumed(problems: number, candidates: number): void {
    this.finished += problems;
    this.generated += candidates;
    this.judged += candidates;
  }

  onEvent(event: PipelineEvent): void {
    if (event.type === 'generation-done') this.generated++;
    else if (event.type === 'critique-done') this.critiqued++;
    else if (event.type === 'execution-done') this.judged++;
    else return;
    this.draw();
  }

  onAnswered(usage: ChatUsage): void {
    this.liveTokens += usage.reasoningTokens + usage.answerTokens;
    this.liveRequests++;
  }

  problemFinished(record: RunRecord): void {
    this.finished++;
    if (this.quiet) return;
    if (this.tty) return this.draw(true);
    const m = record.metrics;
    this.sink.write(
      `[${this.finished}/${this.totals.problems}] ${record.problem.id}: ${record.status}, ${m ? `${m.correct}/${m.n} correct, pass@1 ${pct(m.passAt1)}` : 'no metrics'} · ${this.figures()}\n`,
    );
  }

  /** A message of its own (a retry, a skipped problem), kept above the status line. */
  note(text: string): void {
    if (this.quiet) return;
    this.sink.write(this.tty ? `\r\x1b[K${text}\n` : `${text}\n`);
    this.draw(true);
  }

  done(): void {
    if (this.tty) this.sink.write('\r\x1b[K');
  }

  /** generated, critiqued, judged, tokens/s, ETA. */
  figures(): string {
    const { problems, k, m } = this.totals;
    const seconds = (Date.now() - this.started) / 1000;
    const requests = problems * k * (1 + m);
    const remaining = Math.max(0, requests - this.generated - this.critiqued);
    const rate = this.liveRequests / Math.max(seconds, 1e-3);
    const eta = remaining === 0 ? 0 : rate > 0 ? remaining / rate : Infinity;
    const tokensPerSecond = seconds > 0 ? this.liveTokens / seconds : 0;
    return `generated ${this.generated}/${problems * k} · critiqued ${this.critiqued} · judged ${this.judged} · ${tokensPerSecond.toFixed(0)} tok/s · ETA ${formatDuration(eta)}`;
  }

  private draw(force = false): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const filled = this.totals.problems > 0 ? Math.round((BAR_WIDTH * this.finished) / this.totals.problems) : BAR_WIDTH;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.finished}/${this.totals.problems} problems · ${this.figures()}`;
    const width = this.sink.columns ?? 120;
    this.sink.write(`\r\x1b[K${bar.slice(0, Math.max(20, width - 1))}`);
  }
}
