/**
 * Ground truth for the demo runs: the candidates are judged for real by the Node executor (the
 * same Pyodide / clang runtimes as the browser), and the results stored in the record. A replay in
 * the browser judges them again, live.
 */
import type { Executor } from '../../src/core/judging/executor';
import type { Problem } from '../../src/core/problem/problem';
import type { RunRecord } from '../../src/core/record/runRecord';
import { createNodeExecutor } from '../../src/exec/node/nodeExecutor';

export async function judgeDemoCandidates(_problem: Problem, _recording: RunRecord): Promise<{ executor: Executor; description: string }> {
  return {
    executor: createNodeExecutor(),
    description: 'Test verdicts were measured by running each program in critique-lab’s own judge (Pyodide, Node) when the record was built.',
  };
}
