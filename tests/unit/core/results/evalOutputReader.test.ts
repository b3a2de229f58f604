/**
 * The Results view's reader on a real eval output (tests/fixtures/evalOutput/lcb-k2, written by
 * `critique-lab eval` against the scripted server; evalLiveCodeBench.test.ts checks a fresh run
 * still reads the same): the summary recomputed from the run records equals the eval's own
 * metrics.json, from a folder and from a zip of it; a folder a crash left without metrics.json and
 * with a torn record is shown as unfinished with the damage named; anything else is refused.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EvalOutputError, readEvalOutput, type EvalOutputEntry } from '../../../../src/core/results/evalOutputReader';
import { readEvalOutputZip } from '../../../../src/core/results/evalOutputZip';
import { parseRunRecord } from '../../../../src/core/record/runRecordCodec';

const DIR = 'tests/fixtures/evalOutput/lcb-k2';

async function folder(): Promise<Map<string, Uint8Array>> {
  const names = await readdir(DIR);
  return new Map(await Promise.all(names.map(async (n) => [`lcb-k2/${n}`, new Uint8Array(await readFile(join(DIR, n)))] as const)));
}

const entriesOf = (files: Map<string, Uint8Array>): EvalOutputEntry[] =>
  [...files].map(([path, bytes]) => ({ path, size: bytes.length, bytes: () => Promise.resolve(bytes) }));

describe('reading an eval output', () => {
  it('recomputes the eval’s metrics.json from its run records, from a folder and from a zip', async () => {
    const files = await folder();
    const written = JSON.parse(await readFile(join(DIR, 'metrics.json'), 'utf8')) as unknown;
    const output = await readEvalOutput(entriesOf(files), 'picked');
    expect(output.name).toBe('lcb-k2');
    expect(output.unfinished).toBeNull();
    expect(output.damaged).toEqual([]);
    expect(JSON.parse(JSON.stringify(output.summary))).toEqual(written);
    // Independently of the summary code: the mean of the records' own pass@1.
    const records = await Promise.all(output.summary.rows.map(async (r) => parseRunRecord(await readFile(join(DIR, r.file), 'utf8'))));
    expect(output.summary.mean.passAt1).toBeCloseTo(records.reduce((a, r) => a + r.metrics!.passAt1!, 0) / records.length, 12);
    expect([...output.records.keys()]).toEqual(output.summary.rows.map((r) => r.file));

    const zipped = readEvalOutputZip(zipSync(Object.fromEntries(files)));
    // Only what the reader takes is inflated (not report.html or metrics.md).
    expect(zipped.map((e) => e.path).sort()).toEqual([...files.keys()].filter((p) => /\.json$/.test(p)).sort());
    expect((await readEvalOutput(zipped, 'lcb-k2.zip')).summary).toEqual(output.summary);
  });

  it('shows what a crash left: no metrics.json, a torn record — unfinished, the damage named', async () => {
    const files = await folder();
    files.delete('lcb-k2/metrics.json');
    const torn = files.get('lcb-k2/lcb-3100.run.json')!;
    files.set('lcb-k2/lcb-3100.run.json', torn.subarray(0, torn.length / 2));
    const output = await readEvalOutput(entriesOf(files), 'lcb-k2');
    expect(output.unfinished).toMatch(
      /no metrics\.json: the eval was stopped before it wrote its summary.*Rerunning the same critique-lab eval command continues it/,
    );
    expect(output.damaged).toEqual([expect.stringMatching(/^lcb-3100\.run\.json: not JSON/)]);
    expect(output.summary.rows.map((r) => [r.problem, r.facts])).toEqual([
      ['lcb-1999_b', null],
      ['lcb-3101', null],
      ['lcb-abc900_a', null],
    ]);
    expect(output.summary.settings.k).toBe(2);
    expect(output.summary.mean.confusion).toEqual({ rightCorrect: 3, rightIncorrect: 1, wrongCorrect: 0, wrongIncorrect: 2, noVerdict: 0 });
  });

  it('refuses a folder with nothing of an eval in it, and a file that is not a zip', async () => {
    const notes = entriesOf(new Map([['notes/readme.txt', new TextEncoder().encode('hello')]]));
    await expect(readEvalOutput(notes, 'notes')).rejects.toThrow(
      new EvalOutputError(
        'notes is not an eval output: it has no metrics.json, journal.jsonl or run records (*.run.json). Pick the folder given to critique-lab eval --out.',
      ),
    );
    expect(() => readEvalOutputZip(new TextEncoder().encode('not a zip at all'))).toThrow(EvalOutputError);
  });

  it('refuses a zip bomb among the run records, naming it; the files it does not read are never inflated', () => {
    const bomb = zipSync({ 'out/p1.run.json': new Uint8Array(2 * 2 ** 20) }, { level: 9 });
    expect(() => readEvalOutputZip(bomb)).toThrow(
      new EvalOutputError('out/p1.run.json: inflates to more than 200× its compressed size: refused as a zip bomb'),
    );
    const skipped = zipSync({ 'out/report.html': new Uint8Array(2 * 2 ** 20), 'out/metrics.json': new Uint8Array([123, 125]) });
    expect(readEvalOutputZip(skipped).map((e) => e.path)).toEqual(['out/metrics.json']);
  });
});
