/**
 * Execution benchmarks (docs/execution.md): C++ compile time with @yowasp/clang (cold and warm,
 * with the precompiled <bits/stdc++.h>) against native g++ -O2 on the same file; Pyodide start-up
 * and per-test time against native python3; and judge throughput of 10 Python + 10 C++ candidates
 * on a 20-test problem, our Node executor against a native judge (g++ binaries, python3 processes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '@yowasp/clang';
import { loadPyodide } from 'pyodide';
import type { Submission } from '../src/core/judging/executor';
import { validate } from '../src/core/judging/outputValidator';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';
import { readProblemDir } from '../src/exec/node/problemDir';
import { CppCompiler, type ClangCommand } from '../src/exec/runtime/cppCompiler';
import { PythonRunner } from '../src/exec/runtime/pythonRunner';
import { pyodideIndexUrl, readPythonHarness } from '../src/exec/node/pythonFiles';
import { type BenchSection, fmt, median, ratio, timed } from './benchSection';

const TYPICAL_CPP = `#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    sort(a.begin(), a.end());
    map<long long, int> seen;
    set<long long> distinct(a.begin(), a.end());
    priority_queue<long long> pq(a.begin(), a.end());
    long long best = LLONG_MIN, run = 0;
    for (long long x : a) { run = max(x, run + x); best = max(best, run); seen[x]++; }
    string s = to_string(best);
    cout << s << ' ' << distinct.size() << ' ' << (pq.empty() ? 0 : pq.top()) << "\\n";
}
`;

const TYPICAL_PY = `import sys
def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = sorted(map(int, data[1:1 + n]))
    best, run = -10**18, 0
    for x in a:
        run = max(x, run + x)
        best = max(best, run)
    print(best, len(set(a)), a[-1] if a else 0)
main()
`;

function nativeGppMs(dir: string, source: string): number {
  const file = join(dir, 'native.cpp');
  writeFileSync(file, source);
  const began = performance.now();
  execFileSync('g++', ['-std=c++17', '-O2', '-o', join(dir, 'native'), file]);
  return performance.now() - began;
}

function makeInput(n: number, seed: number): string {
  let x = seed;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    values.push((x % 2000001) - 1000000);
  }
  return `${n}\n${values.join(' ')}\n`;
}

function expectedOutput(input: string): string {
  const [n, ...rest] = input.trim().split(/\s+/).map(Number);
  const a = rest.slice(0, n).sort((p, q) => p - q);
  let best = -Infinity;
  let run = 0;
  for (const x of a) {
    run = Math.max(x, run + x);
    best = Math.max(best, run);
  }
  return `${best} ${new Set(a).size} ${a[a.length - 1] ?? 0}\n`;
}

async function compileSection(print: (line: string) => void, dir: string): Promise<void> {
  print('### C++ compile (typical `<bits/stdc++.h>` solution, -O2)');
  print('');
  const natives: number[] = [];
  for (let i = 0; i < 3; i++) natives.push(nativeGppMs(dir, TYPICAL_CPP));
  const native = median(natives);
  const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand); // no stored PCH: truly cold
  const [, load] = await timed(() => compiler.load());
  const [, pch] = await timed(() => compiler.precompiledHeader());
  const [first, firstMs] = await timed(() => compiler.compile(TYPICAL_CPP, 256 * 2 ** 20));
  // V8 tiers clang's 75 MB of wasm up over the first compiles: "warm" is after two of them.
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const ms = (await timed(() => compiler.compile(`${TYPICAL_CPP}// ${i}\n`, 256 * 2 ** 20)))[1];
    if (i >= 2) warm.push(ms);
  }
  const noPch: number[] = [];
  for (let i = 0; i < 2; i++)
    noPch.push((await timed(() => compiler.compile(`#include <vector>\n${TYPICAL_CPP}// ${i}\n`, 256 * 2 ** 20)))[1]);
  const cold = load + pch + firstMs;
  print('| measure | time | vs native g++ -O2 |');
  print('| --- | --- | --- |');
  print(`| native g++ -O2 (median of 3) | ${fmt(native)} | 1.00× |`);
  print(
    `| cold: load clang wasm + build PCH + compile | ${fmt(cold)} (${fmt(load)} + ${fmt(pch)} + ${fmt(firstMs)}) | ${ratio(cold, native)} |`,
  );
  print(`| warm with PCH (median of 5, after 2 more) | ${fmt(median(warm))} | ${ratio(median(warm), native)} |`);
  print(`| warm without PCH (first directive not bits/stdc++.h) | ${fmt(median(noPch))} | ${ratio(median(noPch), native)} |`);
  print('');
  if (!first.ok) print(`(compile failed: ${first.stderr})`);
}

async function pythonSection(print: (line: string) => void): Promise<void> {
  print('### Python: Pyodide vs native python3');
  print('');
  const [runner, readyMs] = await timed(() =>
    PythonRunner.create(loadPyodide, { harness: readPythonHarness(), load: { indexURL: pyodideIndexUrl() } }),
  );
  const limits = { outputBytes: 8 << 20, memoryBytes: 256 << 20 };
  const enc = new TextEncoder();
  const small = enc.encode('3\n1 -2 3\n');
  const trivial: number[] = [];
  for (let i = 0; i < 30; i++) trivial.push((await timed(() => runner.run(TYPICAL_PY, small, limits)))[1]);
  const big = makeInput(200_000, 7);
  const heavyPyodide: number[] = [];
  for (let i = 0; i < 3; i++) heavyPyodide.push((await timed(() => runner.run(TYPICAL_PY, enc.encode(big), limits)))[1]);
  const nativeRun = (input: string): number => {
    const began = performance.now();
    spawnSync('python3', ['-c', TYPICAL_PY], { input });
    return performance.now() - began;
  };
  const nativeTrivial = median(Array.from({ length: 10 }, () => nativeRun('3\n1 -2 3\n')));
  const nativeHeavy = median(Array.from({ length: 3 }, () => nativeRun(big)));
  print('| measure | Pyodide | native python3 | ratio |');
  print('| --- | --- | --- | --- |');
  print(`| interpreter ready (load + harness + warm-up, Node) | ${fmt(readyMs)} | – | – |`);
  print(
    `| per test, tiny input (median of 30; native includes process start) | ${fmt(median(trivial))} | ${fmt(nativeTrivial)} | ${ratio(median(trivial), nativeTrivial)} |`,
  );
  print(
    `| per test, n = 200 000 (median of 3) | ${fmt(median(heavyPyodide))} | ${fmt(nativeHeavy)} | ${ratio(median(heavyPyodide), nativeHeavy)} |`,
  );
  print('');
}

interface BenchProblem {
  problem: Awaited<ReturnType<typeof readProblemDir>>;
  tests: { input: string; answer: string }[];
}

/** A 20-test package (2 samples, 18 secret tests of growing size) written into `dir`. */
async function writeBenchProblem(dir: string): Promise<BenchProblem> {
  const problemDir = join(dir, 'bench-problem');
  mkdirSync(join(problemDir, 'statement'), { recursive: true });
  mkdirSync(join(problemDir, 'data', 'sample'), { recursive: true });
  mkdirSync(join(problemDir, 'data', 'secret'), { recursive: true });
  writeFileSync(join(problemDir, 'problem.yaml'), 'name: Bench\nlimits:\n  time_limit: 2\n');
  writeFileSync(join(problemDir, 'statement', 'problem.md'), 'Benchmark problem.');
  const tests: { input: string; answer: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const group = i < 2 ? 'sample' : 'secret';
    const input = makeInput(i < 2 ? 5 : 2000 * i, i + 1);
    const answer = expectedOutput(input);
    tests.push({ input, answer });
    writeFileSync(join(problemDir, 'data', group, `${String(i).padStart(2, '0')}.in`), input);
    writeFileSync(join(problemDir, 'data', group, `${String(i).padStart(2, '0')}.ans`), answer);
  }
  return { problem: await readProblemDir(problemDir), tests };
}

/** The native judge: g++ -O2 binaries and python3 processes, one process per test, `concurrency` at a time. */
async function nativeJudgeAll(bench: BenchProblem, candidates: Submission[], dir: string, concurrency: number): Promise<boolean[]> {
  const judgeOne = (candidate: Submission, index: number): boolean => {
    let command: string[];
    if (candidate.language === 'cpp') {
      const src = join(dir, `cand${index}.cpp`);
      writeFileSync(src, candidate.source);
      execFileSync('g++', ['-std=c++17', '-O2', '-o', join(dir, `cand${index}`), src]);
      command = [join(dir, `cand${index}`)];
    } else {
      command = ['python3', '-c', candidate.source];
    }
    let ok = true;
    for (const test of bench.tests) {
      const run = spawnSync(command[0]!, command.slice(1), { input: test.input, encoding: 'utf8' });
      ok &&= validate(run.stdout, test.answer, bench.problem.validator).ok;
    }
    return ok;
  };
  const queue = candidates.map((c, i) => [c, i] as const);
  const done: boolean[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) done.push(judgeOne(item[0], item[1]));
    }),
  );
  return done;
}

async function throughputSection(print: (line: string) => void, dir: string): Promise<void> {
  print('### Judge throughput: 10 Python + 10 C++ candidates, 20 tests each');
  print('');
  const bench = await writeBenchProblem(dir);
  const candidates: Submission[] = [];
  for (let i = 0; i < 10; i++) {
    candidates.push({ language: 'python', source: `${TYPICAL_PY}# candidate ${i}\n` });
    candidates.push({ language: 'cpp', source: `${TYPICAL_CPP}// candidate ${i}\n` });
  }
  const concurrency = Math.max(1, availableParallelism() - 1);

  const executor = createNodeExecutor({ concurrency });
  const [, warmMs] = await timed(() => Promise.all([executor.warmUp('python'), executor.warmUp('cpp')]));
  const [results, oursMs] = await timed(() => Promise.all(candidates.map((c) => executor.judge(bench.problem, c, { runAll: true }))));
  await executor.dispose();
  const accepted = results.filter((r) => r.verdict === 'AC').length;
  const [nativeResults, nativeMs] = await timed(() => nativeJudgeAll(bench, candidates, dir, concurrency));
  print(`| judge | wall time | accepted | vs native |`);
  print('| --- | --- | --- | --- |');
  print(
    `| native (g++ -O2, python3 per test, ${concurrency} at a time) | ${fmt(nativeMs)} | ${nativeResults.filter(Boolean).length}/20 | 1.00× |`,
  );
  print(
    `| critique-lab Node executor (${concurrency} sandboxes per pool, after a ${fmt(warmMs)} warm-up) | ${fmt(oursMs)} | ${accepted}/20 | ${ratio(oursMs, nativeMs)} |`,
  );
  print('');
  print(`Machine: ${availableParallelism()} cores, Node ${process.versions.node}.`);
}

export const executionSection: BenchSection = {
  name: 'execution',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-bench-'));
    try {
      await compileSection(print, dir);
      await pythonSection(print);
      await throughputSection(print, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
