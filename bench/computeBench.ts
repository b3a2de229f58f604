/**
 * "CPU-bound compute": the work contest programs spend their time on once the input is read —
 * sorting, ordered and hashed containers, heaps, recursion, dynamic programming, nested loops —
 * run by the judge's runtimes (clang → wasm and our WASI runner; Pyodide) and natively
 * (g++ -O2 -std=c++17, python3) in the same run. No input: each program makes its data with a
 * small generator and prints a checksum (compared, so both sides did the same work). CPU time,
 * the least of RUNS runs, each side less an empty program's. The ratios are what
 * docs/judging.md derives the per-language time multipliers from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '@yowasp/clang';
import { loadPyodide } from 'pyodide';
import { diskPrebuiltStore } from '../src/exec/clangCaches/nodePrebuiltStore';
import { pyodideIndexUrl, readPythonHarness } from '../src/exec/node/pythonFiles';
import { CppCompiler, type ClangCommand } from '../src/exec/runtime/cppCompiler';
import { PythonRunner } from '../src/exec/runtime/pythonRunner';
import { runWasiProgram } from '../src/exec/runtime/wasiProgram';
import { type BenchSection, fmt, median, ratio, loadAverageLine } from './benchSection';
import { inProcessCpuMs, nativeCpuMs } from './cpuTime';

const RUNS = 3;
const MEMORY = 256 << 20;
const head =
  '#include <bits/stdc++.h>\nusing namespace std;\nunsigned long long seed = 12345;\nunsigned next_value() { seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; return seed >> 33; }\nint main() {';

interface Idiom {
  name: string;
  source: string;
}

const CPP: Idiom[] = [
  {
    name: 'sort 2·10⁶ ints',
    source: `${head} vector<int> v(2000000); for (auto &x : v) x = next_value(); sort(v.begin(), v.end()); long long s = 0; for (size_t i = 0; i < v.size(); i += 1000) s += v[i]; printf("%lld\\n", s); }`,
  },
  {
    name: 'std::set: 4·10⁵ inserts + lookups',
    source: `${head} set<int> t; for (int i = 0; i < 400000; i++) t.insert(next_value() % 1000000); long long s = 0; for (int i = 0; i < 400000; i++) s += t.count(next_value() % 1000000); printf("%lld %zu\\n", s, t.size()); }`,
  },
  {
    name: 'unordered_map: 10⁶ counts',
    source: `${head} unordered_map<int, int> m; for (int i = 0; i < 1000000; i++) m[next_value() % 200000]++; long long s = 0; for (auto &[k, c] : m) s += (long long)k * c; printf("%lld\\n", s); }`,
  },
  {
    name: 'priority_queue: 10⁶ push + pop',
    source: `${head} priority_queue<int> q; long long s = 0; for (int i = 0; i < 1000000; i++) { q.push(next_value()); if (i % 2) { s += q.top(); q.pop(); } } printf("%lld %zu\\n", s, q.size()); }`,
  },
  {
    name: 'recursion: naive fib(32)',
    source: `#include <cstdio>\nint fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nint main() { printf("%d\\n", fib(32)); }`,
  },
  {
    name: 'DP: LCS of two 3000-char strings',
    source: `${head} string a(3000, 'a'), b(3000, 'a'); for (auto &c : a) c = 'a' + next_value() % 4; for (auto &c : b) c = 'a' + next_value() % 4; vector<vector<int>> d(3001, vector<int>(3001)); for (int i = 1; i <= 3000; i++) for (int j = 1; j <= 3000; j++) d[i][j] = a[i - 1] == b[j - 1] ? d[i - 1][j - 1] + 1 : max(d[i - 1][j], d[i][j - 1]); printf("%d\\n", d[3000][3000]); }`,
  },
  {
    name: 'all pairs, running sum (O(n²), n = 2·10⁴)',
    source: `${head} int n = 20000; vector<long long> a(n); for (auto &x : a) x = (long long)(next_value() % 2000001) - 1000000; long long best = a[0]; for (int l = 0; l < n; l++) { long long s = 0; for (int r = l; r < n; r++) { s += a[r]; best = max(best, s); } } printf("%lld\\n", best); }`,
  },
  {
    name: 'all pairs, closest difference (O(n²), n = 2·10⁴)',
    source: `${head} int n = 20000; vector<long long> t(n); for (auto &x : t) x = next_value() % 20000001; long long best = LLONG_MAX; for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) best = min(best, llabs(t[i] - t[j])); printf("%lld\\n", best); }`,
  },
];

const pyHead =
  'seed = 12345\ndef next_value():\n    global seed\n    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)\n    return seed >> 33\n';

const PYTHON: Idiom[] = [
  { name: 'sorted() of 5·10⁵ ints', source: `${pyHead}v = [next_value() for _ in range(500000)]\nv.sort()\nprint(sum(v[::1000]))\n` },
  {
    name: 'dict: 5·10⁵ counts',
    source: `${pyHead}m = {}\nfor _ in range(500000):\n    k = next_value() % 100000\n    m[k] = m.get(k, 0) + 1\nprint(sum(k * c for k, c in m.items()))\n`,
  },
  {
    name: 'heapq: 3·10⁵ push + pop',
    source: `import heapq\n${pyHead}q = []\ns = 0\nfor i in range(300000):\n    heapq.heappush(q, next_value())\n    if i % 2:\n        s += heapq.heappop(q)\nprint(s, len(q))\n`,
  },
  { name: 'recursion: naive fib(25)', source: 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(25))\n' },
  {
    name: 'DP: LCS of two 600-char strings',
    source: `${pyHead}a = [next_value() % 4 for _ in range(600)]\nb = [next_value() % 4 for _ in range(600)]\nprev = [0] * 601\nfor x in a:\n    cur = [0] * 601\n    for j in range(1, 601):\n        cur[j] = prev[j - 1] + 1 if x == b[j - 1] else max(prev[j], cur[j - 1])\n    prev = cur\nprint(prev[600])\n`,
  },
  {
    name: 'all pairs, running sum (O(n²), n = 1500)',
    source: `${pyHead}n = 1500\na = [next_value() % 2000001 - 1000000 for _ in range(n)]\nbest = a[0]\nfor l in range(n):\n    s = 0\n    for r in range(l, n):\n        s += a[r]\n        if s > best:\n            best = s\nprint(best)\n`,
  },
  {
    name: 'big integers: 3000!',
    source: 'import math, sys\nsys.set_int_max_str_digits(0)\nprint(sum(int(d) for d in str(math.factorial(3000))))\n',
  },
  { name: 'str join of 5·10⁵ numbers', source: `print(len(' '.join(str(i * 7919 % 1000003) for i in range(500000))))\n` },
];

type Row = { language: string; name: string; judge: number; native: number };

async function cppRows(dir: string): Promise<Row[]> {
  const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, diskPrebuiltStore());
  const build = async (source: string): Promise<WebAssembly.Module> => {
    const built = await compiler.compile(source, MEMORY);
    if (!built.ok) throw new Error(`clang: ${built.stderr}`);
    return new WebAssembly.Module(built.wasm as Uint8Array<ArrayBuffer>);
  };
  const run = (module: WebAssembly.Module) =>
    runWasiProgram(module, { stdin: new Uint8Array(), outputBytes: 1 << 20, memoryBytes: MEMORY });
  const native = (name: string, source: string): string => {
    writeFileSync(join(dir, `${name}.cpp`), source);
    execFileSync('g++', ['-O2', '-std=c++17', join(dir, `${name}.cpp`), '-o', join(dir, name)]);
    return join(dir, name);
  };
  const emptyModule = await build('int main() {}\n');
  const judgeStart = inProcessCpuMs(() => run(emptyModule), RUNS);
  const nativeStart = nativeCpuMs(native('empty', 'int main() {}\n'), [], '/dev/null', RUNS);
  const rows: Row[] = [];
  for (const [i, idiom] of CPP.entries()) {
    const module = await build(idiom.source);
    const binary = native(`idiom${i}`, idiom.source);
    const ours = run(module).stdout.trim();
    const theirs = execFileSync(binary, { encoding: 'utf8' }).trim();
    if (ours !== theirs) throw new Error(`${idiom.name}: judge printed ${ours}, native ${theirs}`);
    const judge = inProcessCpuMs(() => run(module), RUNS) - judgeStart;
    rows.push({
      language: 'C++',
      name: idiom.name,
      judge,
      native: Math.max(0.5, nativeCpuMs(binary, [], '/dev/null', RUNS) - nativeStart),
    });
  }
  return rows;
}

async function pythonRows(): Promise<Row[]> {
  const runner = await PythonRunner.create(loadPyodide, { harness: readPythonHarness(), load: { indexURL: pyodideIndexUrl() } });
  const limits = { outputBytes: 1 << 20, memoryBytes: 512 << 20 };
  const judgeStart = inProcessCpuMs(() => runner.run('pass\n', new Uint8Array(), limits), RUNS);
  const nativeStart = nativeCpuMs('python3', ['-c', 'pass'], '/dev/null', RUNS);
  return PYTHON.map((idiom) => {
    const ours = runner.run(idiom.source, new Uint8Array(), limits);
    const theirs = execFileSync('python3', ['-c', idiom.source], { encoding: 'utf8' }).trim();
    if (ours.status !== 'ok' || ours.stdout.trim() !== theirs)
      throw new Error(`${idiom.name}: judge ${ours.status} printed ${ours.stdout.trim()}, native ${theirs}`);
    const judge = inProcessCpuMs(() => runner.run(idiom.source, new Uint8Array(), limits), RUNS) - judgeStart;
    const native = nativeCpuMs('python3', ['-c', idiom.source], '/dev/null', RUNS) - nativeStart;
    return { language: 'Python', name: idiom.name, judge, native: Math.max(0.5, native) };
  });
}

export const computeSection: BenchSection = {
  name: 'CPU-bound compute',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-compute-'));
    try {
      const rows = [...(await cppRows(dir)), ...(await pythonRows())];
      print(
        `CPU time (user + system), least of ${RUNS} runs, each side less an empty program's. Judge: our runtimes. Native: g++ -O2 -std=c++17 / python3.`,
      );
      print('');
      print('| language | work | judge | native | judge ÷ native |');
      print('| --- | --- | --- | --- | --- |');
      for (const row of rows)
        print(`| ${row.language} | ${row.name} | ${fmt(row.judge)} | ${fmt(row.native)} | ${ratio(row.judge, row.native)} |`);
      print('');
      for (const language of ['C++', 'Python']) {
        const ratios = rows.filter((r) => r.language === language).map((r) => r.judge / r.native);
        print(
          `- ${language}: median ${median(ratios).toFixed(2)}×, least ${Math.min(...ratios).toFixed(2)}×, largest ${Math.max(...ratios).toFixed(2)}×`,
        );
      }
      print('');
      print(loadAverageLine());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
