/**
 * The hostile corpus (tests/fixtures/hostile/corpus.ts) against the Node judge's boundary: each
 * program gets its own verdict, the innocent correct and wrong programs judged after it keep
 * theirs, and nothing a program reached for happened — no file written, no process spawned, no
 * request reached a loopback server. The CLI's process survives all of it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../src/core/judging/executor';
import type { Problem } from '../../../src/core/problem/problem';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { expectedVerdicts, HOSTILE_CORPUS, INNOCENT } from '../../fixtures/hostile/corpus';
import { startLoopbackServer, type LoopbackServer } from '../../fixtures/servers/loopbackServer';

const fixtures = new URL('../../fixtures/', import.meta.url);
let executor: NodeExecutor;
let problem: Problem;
let beacon: LoopbackServer;
const beaconHits: string[] = [];
const markerDir = mkdtempSync(join(tmpdir(), 'critique-lab-hostile-'));

beforeAll(async () => {
  beacon = await startLoopbackServer((req, res) => {
    beaconHits.push(req.url ?? '');
    res.end('pwned');
  });
  problem = await readProblemDir(new URL('../../../public/problems/aplusb', import.meta.url).pathname);
  executor = createNodeExecutor({ concurrency: 1 });
}, 60_000);

afterAll(async () => {
  await executor?.dispose();
  await beacon?.close();
  rmSync(markerDir, { recursive: true, force: true });
});

function source(path: string, hostile = false): string {
  const text = readFileSync(new URL(hostile ? `hostile/${path}` : `submissions/${path}`, fixtures), 'utf8');
  return text.replaceAll('BEACON_URL', `${beacon.url}/beacon`).replaceAll('MARKER_DIR', markerDir);
}

const judge = (submission: Submission) => executor.judge(problem, submission);

describe.each(HOSTILE_CORPUS.filter((c) => expectedVerdicts(c, 'node').length > 0))('hostile corpus in Node: $file', (hostile) => {
  it(`gets ${expectedVerdicts(hostile, 'node').join(' or ')} (${hostile.tries}), and the next programs keep their verdicts`, async () => {
    const result = await judge({ language: hostile.language, source: source(hostile.file, true) });
    expect(expectedVerdicts(hostile, 'node')).toContain(result.verdict);
    await new Promise((resolve) => setTimeout(resolve, hostile.settleMs ?? 300));
    const innocent = INNOCENT[hostile.language];
    expect((await judge({ language: hostile.language, source: source(innocent.correct) })).verdict).toBe('AC');
    expect((await judge({ language: hostile.language, source: source(innocent.wrong) })).verdict).toBe('WA');
    expect(readdirSync(markerDir)).toEqual([]);
    expect(beaconHits).toEqual([]);
  }, 120_000);
});

describe('the boundary reports what the program tried', () => {
  it('every reach for the host from Node was blocked or went nowhere', async () => {
    const result = await executor.judge(problem, { language: 'python', source: source('node-reach.py', true) }, { groups: ['sample'] });
    const report = result.tests[0]!.stdoutHead;
    expect(report).toContain('process.binding: blocked');
    // Whatever was started asynchronously had its chance while the process lived: nothing landed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(markerDir)).toEqual([]);
    expect(beaconHits).toEqual([]);
  }, 60_000);
});
