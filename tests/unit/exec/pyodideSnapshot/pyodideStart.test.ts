/**
 * Pyodide from a start-up snapshot, in a real interpreter: a runner started from a snapshot behaves
 * as one started from scratch (same output, same hash seed, same recursion limit, imports from the
 * standard library, the memory limit), and a snapshot that cannot load costs speed, never a worker.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide } from 'pyodide';
import { pyodideIndexUrl, readPythonHarness } from '../../../../src/exec/node/pythonFiles';
import { PythonRunner } from '../../../../src/exec/runtime/pythonRunner';
import { startPyodide } from '../../../../src/exec/pyodideSnapshot/pyodideStart';

const PROBE = `import sys, heapq, collections, re
print(hash("critique"), sys.getrecursionlimit(), heapq.nsmallest(2, [5, 1, 4]), len(re.findall("a", "banana")))
print(collections.Counter(sys.stdin.read().split()).most_common(1))
`;
const LIMITS = { outputBytes: 1 << 20, memoryBytes: 64 << 20 };
const stdin = new TextEncoder().encode('x y x\n');

function runner(start: { snapshot?: Uint8Array; makeSnapshot?: boolean }): Promise<PythonRunner> {
  return PythonRunner.create(loadPyodide, { harness: readPythonHarness(), load: { indexURL: pyodideIndexUrl(), jsglobals: {} }, start });
}

let fromScratch: PythonRunner;
let snapshot: Uint8Array;

beforeAll(async () => {
  fromScratch = await runner({ makeSnapshot: true });
  snapshot = fromScratch.start.snapshot!;
}, 120_000);

describe('Pyodide start-up snapshots', () => {
  it('are taken on request, before any program runs, from a start from scratch', () => {
    expect(fromScratch.start.from).toBe('scratch');
    expect(snapshot).toBeInstanceOf(Uint8Array);
    expect(snapshot.byteLength).toBeGreaterThan(1 << 20);
  });

  it('start a runner that behaves like one started from scratch', async () => {
    const restored = await runner({ snapshot });
    expect(restored.start).toEqual({ from: 'snapshot' });
    const expected = fromScratch.run(PROBE, stdin, LIMITS);
    const actual = restored.run(PROBE, stdin, LIMITS);
    expect(expected.status).toBe('ok');
    expect(actual.stdout).toBe(expected.stdout);
    expect(actual.stdout).toContain("[('x', 2)]");
  }, 60_000);

  it('keep the memory limit: a program over it gets MLE, and the next one runs', async () => {
    const restored = await runner({ snapshot });
    expect(restored.run('x = bytearray(200 * 1024 * 1024)\n', stdin, LIMITS).status).toBe('memory');
    expect(restored.run('print(6 * 7)\n', stdin, LIMITS)).toMatchObject({ status: 'ok', stdout: '42\n' });
  }, 60_000);

  it('that cannot load start from scratch instead, say why, and take a fresh one', async () => {
    const broken = new Uint8Array(4096).fill(7);
    const started = await startPyodide(
      loadPyodide,
      { indexURL: pyodideIndexUrl(), stdout: () => {}, stderr: () => {} },
      { snapshot: broken },
    );
    expect(started.from).toBe('scratch');
    expect(started.snapshotError).toMatch(/snapshot/i);
    expect(started.snapshot!.byteLength).toBeGreaterThan(1 << 20);
    expect(started.pyodide.runPython('6 * 7')).toBe(42);
  }, 120_000);
});
