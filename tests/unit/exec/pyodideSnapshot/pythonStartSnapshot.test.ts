/** Which start each new Python worker in the frame gets, and where a snapshot a worker took goes. */
import { describe, expect, it } from 'vitest';
import { PythonStartSnapshot } from '../../../../src/exec/pyodideSnapshot/pythonStartSnapshot';

const bytes = (n: number): ArrayBuffer => new Uint8Array([n, n, n]).buffer;

describe('PythonStartSnapshot', () => {
  it('with no snapshot, asks one worker at a time to take one; the others start plainly', () => {
    const keeper = new PythonStartSnapshot();
    keeper.receive(undefined);
    const first = keeper.nextStart();
    const second = keeper.nextStart();
    expect(first.start).toEqual({ makeSnapshot: true });
    expect(second.start).toEqual({});
    first.settle(); // the taker failed to start: the next worker is asked instead
    expect(keeper.nextStart().start).toEqual({ makeSnapshot: true });
  });

  it('gives every later worker its own copy of a snapshot taken here, and sends one to the page', () => {
    const kept: ArrayBuffer[] = [];
    const keeper = new PythonStartSnapshot();
    keeper.receive(undefined, (s) => kept.push(s));
    const taker = keeper.nextStart();
    taker.settle({ from: 'scratch', snapshot: bytes(1) });
    expect(kept.map((s) => [...new Uint8Array(s)])).toEqual([[1, 1, 1]]);
    const a = keeper.nextStart().start.snapshot!;
    const b = keeper.nextStart().start.snapshot!;
    expect([...new Uint8Array(a)]).toEqual([1, 1, 1]);
    expect(a).not.toBe(b); // each is moved to its worker, so each needs its own buffer
  });

  it('hands out the one snapshot without copies where the judge sends workers a file instead (Node)', () => {
    const keeper = new PythonStartSnapshot({ copies: false });
    keeper.receive(bytes(4));
    expect(keeper.nextStart().start.snapshot).toBe(keeper.nextStart().start.snapshot);
  });

  it("starts workers from the page's snapshot, and replaces it when a worker could not use it", () => {
    const kept: ArrayBuffer[] = [];
    const keeper = new PythonStartSnapshot();
    keeper.receive(bytes(2), (s) => kept.push(s));
    const next = keeper.nextStart();
    expect([...new Uint8Array(next.start.snapshot!)]).toEqual([2, 2, 2]);
    next.settle({ from: 'scratch', snapshot: bytes(3), snapshotError: 'Snapshot has invalid magic number' });
    expect(kept.map((s) => [...new Uint8Array(s)])).toEqual([[3, 3, 3]]);
    expect([...new Uint8Array(keeper.nextStart().start.snapshot!)]).toEqual([3, 3, 3]);
  });
});
