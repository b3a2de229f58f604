/**
 * The journal on disk: entries survive a reopen, a torn last line (a crash mid-write) is dropped
 * and the next entry starts cleanly, a damaged line in the middle is refused rather than guessed
 * at, and another run's settings are refused with each difference named.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvalJournal, JournalMismatchError, identityDifferences } from '../../../../src/cli/eval/evalJournal';
import { JOURNAL_FILE } from '../../../../src/core/results/evalOutputFiles';

const identity = { model: 'm', settings: { k: 4, temperature: 0.6 }, shard: null };
const reply = {
  reasoning: 'think',
  content: 'answer',
  usage: { promptTokens: 1, reasoningTokens: 2, answerTokens: 3, finishReason: 'stop' as const, ms: 4 },
};
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'critique-lab-journal-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('EvalJournal', () => {
  it('keeps answers, verdicts and finished problems across a reopen', () => {
    const journal = EvalJournal.open(dir, identity);
    journal.recordChat('a', reply);
    journal.recordVerdict('v', { verdict: 'AC', tests: [], passed: 0, total: 0 });
    journal.recordFinished('p1', 'p1.run.json');
    journal.close();
    const again = EvalJournal.open(dir, identity);
    expect(again.chats.get('a')).toEqual(reply);
    expect(again.verdicts.get('v')?.verdict).toBe('AC');
    expect(again.finished.get('p1')).toBe('p1.run.json');
    expect(again.resumedEntries).toBe(3);
    again.close();
  });

  it('drops a torn last line and writes the next entry on a line of its own', () => {
    EvalJournal.open(dir, identity).close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"type":"chat","key":"b","reply":{"reas');
    const journal = EvalJournal.open(dir, identity);
    expect(journal.chats.size).toBe(0);
    journal.recordChat('c', reply);
    journal.close();
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['run', 'chat']);
  });

  it('refuses a damaged line in the middle, naming it', () => {
    writeFileSync(
      join(dir, JOURNAL_FILE),
      `${JSON.stringify({ type: 'run', identity })}\nnot json\n${JSON.stringify({ type: 'problem', id: 'p', file: 'p.run.json' })}\n`,
    );
    expect(() => EvalJournal.open(dir, identity)).toThrow(/line 2, is damaged/);
  });

  it('refuses another run, naming each difference', () => {
    EvalJournal.open(dir, identity).close();
    const other = { ...identity, settings: { k: 8, temperature: 0.6 }, shard: '1/2' };
    expect(() => EvalJournal.open(dir, other)).toThrow(JournalMismatchError);
    expect(identityDifferences(identity, other)).toEqual(['settings.k: 4 → 8', 'shard: null → "1/2"']);
  });
});
