/**
 * The eval's journal (`journal.jsonl` in --out): an append-only log, one JSON object a line, each
 * line written and fsync'd before the run goes on, so that whatever a crash — even SIGKILL —
 * leaves behind is a prefix of what the run did, plus at most one torn last line (dropped on reopen).
 *
 * Line 1 names the run (model, settings, problem selection: what decides the answers). Then, as
 * they land: every answered chat request (keyed by a hash of what was asked), every verdict
 * (keyed by problem, language and program), every finished problem (its record file). Rerunning
 * the same command replays answered requests and verdicts instead of repeating them, and skips
 * finished problems; a rerun whose settings differ is refused with the differences named.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JudgeResult } from '../../core/judging/judgeResult';
import { JournalEntrySchema as EntrySchema, type JournalEntry as Entry } from '../../core/results/evalJournalEntry';
import { JOURNAL_FILE } from '../../core/results/evalOutputFiles';
import type { CollectedReply } from '../../engines/collectedReply';

/** What decides the answers and verdicts of a run: reruns must match it exactly. */
export type RunIdentity = Record<string, unknown>;

export class JournalMismatchError extends Error {}

/** `settings.k: 4 → 8`-style lines for every leaf that differs. */
export function identityDifferences(was: unknown, now: unknown, path = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(was) && isObject(now)) {
    const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
    return keys.flatMap((k) => identityDifferences(was[k], now[k], path ? `${path}.${k}` : k));
  }
  const a = JSON.stringify(was);
  const b = JSON.stringify(now);
  return a === b ? [] : [`${path}: ${a ?? '(none)'} → ${b ?? '(none)'}`];
}

export class EvalJournal {
  readonly chats = new Map<string, CollectedReply>();
  readonly verdicts = new Map<string, JudgeResult>();
  /** Finished problems: id → run record file name. */
  readonly finished = new Map<string, string>();
  /** Lines replayed from an earlier run (0 for a fresh journal). */
  readonly resumedEntries: number;
  private readonly fd: number;

  private constructor(fd: number, entries: Entry[]) {
    this.fd = fd;
    for (const entry of entries) this.apply(entry);
    this.resumedEntries = Math.max(0, entries.length - 1);
  }

  /** Opens (or starts) the journal in `dir`; throws JournalMismatchError when it belongs to another run. */
  static open(dir: string, identity: RunIdentity): EvalJournal {
    const path = join(dir, JOURNAL_FILE);
    const entries = existsSync(path) ? readEntries(path) : { entries: [], validBytes: 0 };
    const first = entries.entries[0];
    if (first && first.type === 'run') {
      const differences = identityDifferences(first.identity, identity);
      if (differences.length > 0) {
        throw new JournalMismatchError(
          `${path} is the journal of a run with other settings; use another --out, or the settings it was started with. Differences (journal → now):\n  ${differences.join('\n  ')}`,
        );
      }
    }
    const fd = openSync(path, 'a+');
    // Drop a torn last line (a crash mid-write) so the next entry starts on a line of its own.
    ftruncateSync(fd, entries.validBytes);
    const journal = new EvalJournal(fd, entries.entries);
    if (!first) journal.append({ type: 'run', identity });
    return journal;
  }

  recordChat(key: string, reply: CollectedReply): void {
    this.append({ type: 'chat', key, reply });
  }

  recordVerdict(key: string, result: JudgeResult): void {
    this.append({ type: 'verdict', key, result });
  }

  recordFinished(id: string, file: string): void {
    this.append({ type: 'problem', id, file });
  }

  close(): void {
    closeSync(this.fd);
  }

  private append(entry: Entry): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
    this.apply(entry);
  }

  private apply(entry: Entry): void {
    if (entry.type === 'chat') this.chats.set(entry.key, entry.reply);
    else if (entry.type === 'verdict') this.verdicts.set(entry.key, entry.result);
    else if (entry.type === 'problem') this.finished.set(entry.id, entry.file);
  }
}

/** The journal's entries and how many of its bytes hold whole, valid lines. */
function readEntries(path: string): { entries: Entry[]; validBytes: number } {
  const buffer = readFileSync(path);
  const entries: Entry[] = [];
  let start = 0;
  let line = 1;
  while (start < buffer.length) {
    const end = buffer.indexOf(0x0a, start);
    // No newline: the last line was torn by a crash mid-write.
    if (end < 0) break;
    const parsed = EntrySchema.safeParse(safeJson(buffer.subarray(start, end).toString('utf8')));
    if (!parsed.success || (line === 1) !== (parsed.data.type === 'run')) {
      throw new JournalMismatchError(
        `${path}, line ${line}, is damaged (not a journal entry); it was not written by an interrupted eval. Move it away to start over.`,
      );
    }
    entries.push(parsed.data);
    start = end + 1;
    line++;
  }
  return { entries, validBytes: start };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
