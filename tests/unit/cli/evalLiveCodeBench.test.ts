/**
 * `critique-lab eval` over the team's LiveCodeBench fixture against a scripted server, end to end
 * with real judging (Pyodide): a run through injected faults (429, 500, a dropped stream, a reply
 * past the time-out) that still gets every answer; a real child process killed with SIGKILL
 * midway and rerun, ending with the uninterrupted run's metrics without asking the server again
 * for what the journal holds; a rerun with other settings refused by name; two shards merged into
 * the single run's metrics.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../../../src/cli/evalCommand';
import { mergeCommand } from '../../../src/cli/mergeCommand';
import type { EvalSummary } from '../../../src/core/results/evalSummary';
import { readEvalOutput, type EvalOutput } from '../../../src/core/results/evalOutputReader';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';
import { MODEL, startLiveCodeBenchModel } from '../../fixtures/servers/liveCodeBenchModel';
import type { ScriptedServer } from '../../fixtures/servers/scriptedOpenAIServer';

const FIXTURE = 'tests/fixtures/liveCodeBench/problems.jsonl';
let work: string;
const servers: ScriptedServer[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'critique-lab-lcb-'));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(work, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startLiveCodeBenchModel>[0] = {}): Promise<ScriptedServer> {
  const s = await startLiveCodeBenchModel(options);
  servers.push(s);
  return s;
}

const args = (url: string, out: string, extra: string[] = []): string[] => [
  '--endpoint',
  url,
  '--model',
  MODEL,
  '--problems',
  FIXTURE,
  '--k',
  '2',
  '--m',
  '1',
  '--out',
  out,
  '--concurrency',
  '2',
  '--judges',
  '1',
  '--retry-delay-ms',
  '10',
  '--request-timeout',
  '1',
  '--quiet',
  ...extra,
];

const chats = (s: ScriptedServer): number => s.requests.filter((r) => r.path === '/v1/chat/completions').length;
const summaryOf = async (out: string): Promise<EvalSummary> => JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')) as EvalSummary;
/** An output folder as the app's Results view reads it. */
const appReads = async (dir: string): Promise<EvalOutput> => {
  const names = await readdir(dir);
  const entries = names.map((n) => ({ path: `out/${n}`, size: 0, bytes: async () => new Uint8Array(await readFile(join(dir, n))) }));
  return readEvalOutput(entries, 'out');
};

/** The uninterrupted run every other run is compared with. */
let reference: EvalSummary;
let referenceServer: ScriptedServer;

describe('critique-lab eval on LiveCodeBench rows', () => {
  it('gets every answer through 429, 500, dropped streams and time-outs, and judges method-call problems', async () => {
    referenceServer = await server({ faults: true });
    const out = join(work, 'reference');
    expect(await evalCommand.run(args(referenceServer.url, out))).toBe(0);
    reference = await summaryOf(out);
    expect(reference.rows.map((r) => [r.problem, r.status, `${r.correct}/${r.n}`])).toEqual([
      ['lcb-abc900_a', 'complete', '1/2'],
      ['lcb-1999_b', 'complete', '1/2'],
      ['lcb-3100', 'complete', '1/2'],
      ['lcb-3101', 'complete', '1/2'],
    ]);
    // Critiques are right except on Half Sum, where the wrong candidate fooled them.
    expect(reference.mean.confusion).toEqual({ rightCorrect: 4, rightIncorrect: 1, wrongCorrect: 0, wrongIncorrect: 3, noVerdict: 0 });
    expect(reference.rows.map((r) => r.selectAtK['shortest-critique'])).toEqual([1, 1, 1, 1]);
    expect(reference.byDifficulty.hard?.selectAtK['random-right']).toBe(0.5);
    expect(Object.keys(reference.byPlatform)).toEqual(['atcoder', 'codeforces', 'leetcode']);
    expect(reference.skipped.map((s) => s.line)).toEqual([5, 6, 7, 8, 9]);
    // 16 requests (4 problems × (2 generations + 2 critiques)) answered, each after at most one failed attempt; some did fail.
    const attempts = chats(referenceServer);
    expect(attempts).toBeGreaterThan(16);
    expect(attempts).toBeLessThanOrEqual(32);
    const record = parseRunRecord(await readFile(join(out, 'lcb-3100.run.json'), 'utf8'));
    expect(record.candidates.map((c) => c.execution?.result.verdict)).toEqual(['AC', 'WA']);
    expect(record.candidates.every((c) => !c.generation.error)).toBe(true);
    // The report's numbers come from the run records: recompute them from the files.
    const records = await Promise.all(reference.rows.map(async (r) => parseRunRecord(await readFile(join(out, r.file), 'utf8'))));
    const meanAt = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    expect(reference.mean.passAt1).toBeCloseTo(meanAt(records.map((r) => r.metrics!.passAt1!)), 12);
    expect(reference.curves.selectAtK.vote[1]).toBeCloseTo(meanAt(records.map((r) => r.metrics!.curves.selectAtK.vote![1]!.value)), 12);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    for (const r of reference.rows) expect(html).toContain(`<a href="${r.file}">${r.problem}</a>`);
    expect(html).toMatch(/<svg viewBox=[^>]*aria-label="pass@k and pass@1\|select@k against k">/);
    expect(html).not.toMatch(/<script|src=|href="http/);
    // The Results view's fixture, written by this command without faults, still reads back as this run.
    const fixture = await appReads('tests/fixtures/evalOutput/lcb-k2');
    expect({ ...fixture.summary, endpoint: '' }).toEqual({ ...reference, endpoint: '' });
  }, 240_000);

  it('stops cleanly on SIGINT and continues after SIGKILL, never re-asking answered requests, ending with the same metrics', async () => {
    const slow = await server({ replyDelayMs: 400 });
    const out = join(work, 'killed');
    const journaledChats = async (): Promise<number> =>
      (await readFile(join(out, 'journal.jsonl'), 'utf8').catch(() => '')).split('\n').filter((l) => l.startsWith('{"type":"chat"')).length;
    /** A real `critique-lab eval` process, stopped by `signal` once the journal holds `atLeast` answers. */
    const interrupt = async (signal: NodeJS.Signals, atLeast: number): Promise<number | null> => {
      const child = spawn(process.execPath, ['bin/critique-lab.mjs', 'eval', ...args(slow.url, out)], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await vi.waitFor(async () => expect(await journaledChats()).toBeGreaterThanOrEqual(atLeast), { timeout: 120_000, interval: 50 });
      child.kill(signal);
      return exited;
    };
    // Ctrl-C: the process ends by itself, saying the run is unfinished, with a journal a rerun can read.
    expect(await interrupt('SIGINT', 3)).toBe(1);
    const afterSigint = await journaledChats();
    expect(await interrupt('SIGKILL', afterSigint + 3)).toBeNull();
    const answered = await journaledChats();
    expect(answered).toBeLessThan(16);
    // What the kill left, as the app shows it: unfinished, with the journal's count of answers.
    const left = await appReads(out);
    expect(left.unfinished).toMatch(/Rerunning the same critique-lab eval command continues it\.$/);
    expect(left.journal?.answeredRequests).toBe(answered);
    const before = chats(slow);
    expect(await evalCommand.run(args(slow.url, out))).toBe(0);
    // Only what the journal lacked went to the server (requests in flight at the kill are asked again).
    expect(chats(slow) - before).toBe(16 - answered);
    expect(await summaryOf(out)).toEqual({ ...reference, endpoint: `${slow.url}/v1` });
  }, 300_000);

  it('refuses to continue with other settings, naming them', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await evalCommand.run(args(referenceServer.url, join(work, 'reference'), ['--temperature', '0.2', '--difficulty', 'hard'])),
      ).toBe(2);
      const said = write.mock.calls.map((c) => String(c[0])).join('');
      expect(said).toMatch(/settings\.temperature: 0\.6 → 0\.2/);
      expect(said).toMatch(/filter\.difficulties: null → \["hard"\]/);
    } finally {
      write.mockRestore();
    }
  });

  it('judges the stdin problems in C++ after the grader’s header, and counts the method-call problems as not run', async () => {
    const out = join(work, 'cpp');
    expect(await evalCommand.run(args(referenceServer.url, out, ['--language', 'cpp']))).toBe(0);
    const cpp = await summaryOf(out);
    expect(cpp.rows.map((r) => [r.problem, `${r.correct}/${r.n}`])).toEqual([
      ['lcb-abc900_a', '1/2'],
      ['lcb-1999_b', '1/2'],
    ]);
    const average = parseRunRecord(await readFile(join(out, 'lcb-1999_b.run.json'), 'utf8'));
    expect(average.candidates.map((c) => [c.generation.language, c.execution?.result.verdict])).toEqual([
      ['cpp', 'AC'],
      ['cpp', 'WA'],
    ]);
    expect(cpp.excluded).toEqual([
      { id: 'lcb-3100', reason: 'a method-call (LeetCode) problem: judged in Python only, not in cpp' },
      { id: 'lcb-3101', reason: 'a method-call (LeetCode) problem: judged in Python only, not in cpp' },
    ]);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<h2>Not run (7)</h2>');
    expect((await appReads(out)).summary.excluded).toEqual(cpp.excluded);
  }, 240_000);

  it('splits into shards that merge into the single run', async () => {
    const shards = [join(work, 'shard1'), join(work, 'shard2')];
    for (const [i, out] of shards.entries()) {
      expect(await evalCommand.run(args(referenceServer.url, out, ['--shard', `${i + 1}/2`]))).toBe(0);
    }
    expect((await summaryOf(shards[0]!)).rows.map((r) => r.problem)).toEqual(['lcb-abc900_a', 'lcb-3100']);
    const all = join(work, 'merged');
    expect(await mergeCommand.run([...shards, '--out', all])).toBe(0);
    expect(await summaryOf(all)).toEqual(reference);
    expect(await mergeCommand.run([shards[0]!, shards[0]!, '--out', join(work, 'twice')])).toBe(2);
  }, 240_000);
});
