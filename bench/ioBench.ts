/**
 * "C++ and Python I/O": each reading and writing idiom contest programs use, run by the judge's
 * runtimes (clang → wasm and our WASI runner; Pyodide) and natively (g++ -O2 -std=c++17, python3)
 * on the same input in the same run. Both sides are CPU time (user + system), the least of RUNS
 * runs, so other work on a shared machine inflates neither: the judge's around the program's run
 * in this process, the native one from bash's `time`, each less an empty program's (starting a
 * process or instantiating a module is not the idiom's cost). On an idle machine the judge's wall time, which the limit applies to,
 * is close to its CPU time. Plus a line for pb_ds tree operations, natively with libstdc++'s pb_ds. The
 * ratios are what docs/judging.md derives the time multipliers from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '@yowasp/clang';
import { loadPyodide } from 'pyodide';
import { diskPrebuiltStore } from '../src/exec/clangCaches/nodePrebuiltStore';
import { pyodideIndexUrl, readPythonHarness } from '../src/exec/node/pythonFiles';
import { CppCompiler, type ClangCommand } from '../src/exec/runtime/cppCompiler';
import { PythonRunner } from '../src/exec/runtime/pythonRunner';
import { runWasiProgram } from '../src/exec/runtime/wasiProgram';
import { type BenchSection, fmt, ratio, loadAverageLine } from './benchSection';
import { inProcessRunCpuMs, leastOfRounds, nativeRunCpuMs } from './cpuTime';

const N = 200_000;
const RUNS = 5;
const FAST = 'ios::sync_with_stdio(false); cin.tie(nullptr);';
const head = '#include <bits/stdc++.h>\nusing namespace std;\nint main() {';

/** Idioms reading N numbers (one a line) or writing N lines; `input` false: no stdin. */
const CPP_IDIOMS: Array<{ name: string; input: boolean; source: string }> = [
  {
    name: 'cin >> x, sync off',
    input: true,
    source: `${head} ${FAST} int n; cin >> n; long long s = 0; for (int i = 0, x; i < n; i++) { cin >> x; s += x; } cout << s << '\\n'; }`,
  },
  {
    name: 'cin >> x, sync on (tied)',
    input: true,
    source: `${head} int n; cin >> n; long long s = 0; for (int i = 0, x; i < n; i++) { cin >> x; s += x; } cout << s << '\\n'; }`,
  },
  {
    name: 'while (cin >> x), sync off',
    input: true,
    source: `${head} ${FAST} long long s = 0, x; while (cin >> x) s += x; cout << s << '\\n'; }`,
  },
  {
    name: 'scanf',
    input: true,
    source: `${head} int n; scanf("%d", &n); long long s = 0; for (int i = 0, x; i < n; i++) { scanf("%d", &x); s += x; } printf("%lld\\n", s); }`,
  },
  {
    name: 'getchar (hand-written reader)',
    input: true,
    source: `${head} long long s = 0, v = 0; int c, neg = 0, in = 0; while ((c = getchar()) != EOF) { if (c == '-') neg = 1; else if (c >= '0' && c <= '9') { v = v * 10 + c - '0'; in = 1; } else if (in) { s += neg ? -v : v; v = neg = in = 0; } } if (in) s += neg ? -v : v; printf("%lld\\n", s); }`,
  },
  {
    name: 'getline',
    input: true,
    source: `${head} ${FAST} string line; long long s = 0; while (getline(cin, line)) s += line.size(); cout << s << '\\n'; }`,
  },
  {
    name: "cout << x << '\\n', sync off",
    input: false,
    source: `${head} ${FAST} for (int i = 0; i < ${N}; i++) cout << i * 7919 % 1000003 << '\\n'; }`,
  },
  {
    name: "cout << x << '\\n', sync on",
    input: false,
    source: `${head} for (int i = 0; i < ${N}; i++) cout << i * 7919 % 1000003 << '\\n'; }`,
  },
  { name: 'printf', input: false, source: `${head} for (int i = 0; i < ${N}; i++) printf("%d\\n", i * 7919 % 1000003); }` },
  {
    name: 'cout << x << endl (flush per line)',
    input: false,
    source: `${head} ${FAST} for (int i = 0; i < ${N}; i++) cout << i * 7919 % 1000003 << endl; }`,
  },
  {
    name: 'pb_ds tree: 200k insert + order_of_key + find_by_order',
    input: false,
    source: `#include <bits/stdc++.h>\n#include <ext/pb_ds/assoc_container.hpp>\n#include <ext/pb_ds/tree_policy.hpp>\nusing namespace std; using namespace __gnu_pbds;\nint main() { tree<long long, null_type, less<long long>, rb_tree_tag, tree_order_statistics_node_update> t; long long s = 0; for (long long i = 0; i < ${N}; i++) t.insert(i * 7919 % 1000003); for (long long i = 0; i < ${N}; i++) s += t.order_of_key(i * 31 % 1000003) + *t.find_by_order(i % t.size()); printf("%lld\\n", s); }`,
  },
];

const PY_IDIOMS: Array<{ name: string; input: boolean; source: string }> = [
  { name: 'input() per line', input: true, source: 'n = int(input())\ns = 0\nfor _ in range(n):\n    s += int(input())\nprint(s)\n' },
  {
    name: 'sys.stdin.readline per line',
    input: true,
    source: 'import sys\ninput = sys.stdin.readline\nn = int(input())\ns = 0\nfor _ in range(n):\n    s += int(input())\nprint(s)\n',
  },
  {
    name: 'sys.stdin.read().split()',
    input: true,
    source: 'import sys\ndata = sys.stdin.read().split()\nprint(sum(map(int, data[1:])))\n',
  },
  { name: 'print per line', input: false, source: `for i in range(${N}):\n    print(i * 7919 % 1000003)\n` },
  {
    name: 'sys.stdout.write once',
    input: false,
    source: `import sys\nsys.stdout.write('\\n'.join(str(i * 7919 % 1000003) for i in range(${N})) + '\\n')\n`,
  },
];

function numbersInput(): string {
  const lines = [String(N)];
  for (let i = 0; i < N; i++) lines.push(String(((i * 48271) % 2_000_003) - 1_000_001));
  return `${lines.join('\n')}\n`;
}

type Row = { language: string; name: string; judge: number; native: number };

async function cppRows(dir: string, input: string): Promise<Row[]> {
  const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, diskPrebuiltStore());
  const numbers = inputFile(dir, input);
  writeFileSync(join(dir, 'empty.cpp'), 'int main() {}\n');
  execFileSync('g++', ['-O2', '-std=c++17', join(dir, 'empty.cpp'), '-o', join(dir, 'empty')]);
  // The judge's side, too, less an empty program's run (instantiating the module and its memory).
  const empty = await compiler.compile('int main() {}\n', 256 << 20);
  const emptyModule = new WebAssembly.Module(empty.wasm as Uint8Array<ArrayBuffer>);
  const judgeRuns: Array<() => number> = [
    () => inProcessRunCpuMs(() => runWasiProgram(emptyModule, { stdin: new Uint8Array(), outputBytes: 1 << 20, memoryBytes: 256 << 20 })),
  ];
  const nativeRuns: Array<() => number> = [() => nativeRunCpuMs(join(dir, 'empty'), [], '/dev/null')];
  for (const [i, idiom] of CPP_IDIOMS.entries()) {
    const built = await compiler.compile(idiom.source, 256 << 20);
    if (!built.ok) throw new Error(`${idiom.name}: ${built.stderr}`);
    const module = new WebAssembly.Module(built.wasm as Uint8Array<ArrayBuffer>);
    const bytes = new TextEncoder().encode(idiom.input ? input : '');
    judgeRuns.push(() => inProcessRunCpuMs(() => runWasiProgram(module, { stdin: bytes, outputBytes: 64 << 20, memoryBytes: 256 << 20 })));
    writeFileSync(join(dir, `idiom${i}.cpp`), idiom.source);
    execFileSync('g++', ['-O2', '-std=c++17', join(dir, `idiom${i}.cpp`), '-o', join(dir, `idiom${i}`)]);
    nativeRuns.push(() => nativeRunCpuMs(join(dir, `idiom${i}`), [], idiom.input ? numbers : '/dev/null'));
  }
  const [judgeStart, ...judge] = leastOfRounds(judgeRuns, RUNS);
  const [nativeStart, ...native] = leastOfRounds(nativeRuns, RUNS);
  return CPP_IDIOMS.map((idiom, i) => ({
    language: 'C++',
    name: idiom.name,
    judge: Math.max(0.5, judge[i]! - judgeStart!),
    native: Math.max(0.5, native[i]! - nativeStart!),
  }));
}

async function pythonRows(dir: string, input: string): Promise<Row[]> {
  const runner = await PythonRunner.create(loadPyodide, { harness: readPythonHarness(), load: { indexURL: pyodideIndexUrl() } });
  const limits = { outputBytes: 64 << 20, memoryBytes: 512 << 20 };
  const numbers = inputFile(dir, input);
  const judgeRuns: Array<() => number> = [() => inProcessRunCpuMs(() => runner.run('pass\n', new Uint8Array(), limits))];
  const nativeRuns: Array<() => number> = [() => nativeRunCpuMs('python3', ['-c', 'pass'], '/dev/null')];
  for (const idiom of PY_IDIOMS) {
    const stdin = new TextEncoder().encode(idiom.input ? input : '');
    judgeRuns.push(() => inProcessRunCpuMs(() => runner.run(idiom.source, stdin, limits)));
    nativeRuns.push(() => nativeRunCpuMs('python3', ['-c', idiom.source], idiom.input ? numbers : '/dev/null'));
  }
  const [judgeStart, ...judge] = leastOfRounds(judgeRuns, RUNS);
  const [nativeStart, ...native] = leastOfRounds(nativeRuns, RUNS);
  return PY_IDIOMS.map((idiom, i) => ({
    language: 'Python',
    name: idiom.name,
    judge: Math.max(0.5, judge[i]! - judgeStart!),
    native: Math.max(0.5, native[i]! - nativeStart!),
  }));
}

function inputFile(dir: string, input: string): string {
  const path = join(dir, 'numbers.in');
  writeFileSync(path, input);
  return path;
}

export const ioSection: BenchSection = {
  name: 'C++ and Python I/O',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-io-'));
    const input = numbersInput();
    const rows = [...(await cppRows(dir, input)), ...(await pythonRows(dir, input))];
    print(
      `${N.toLocaleString('en')} numbers read (one a line, ${(input.length / 1e6).toFixed(1)} MB) or lines written; least of ${RUNS} runs, taken in rounds (each idiom once per round).`,
    );
    print(
      "CPU time (user + system), each side less an empty program's. Judge: the run in our runtimes. Native: g++ -O2 -std=c++17 / python3.",
    );
    print('');
    print('| language | idiom | judge | native | judge ÷ native |');
    print('| --- | --- | --- | --- | --- |');
    for (const row of rows)
      print(`| ${row.language} | ${row.name} | ${fmt(row.judge)} | ${fmt(row.native)} | ${ratio(row.judge, row.native)} |`);
    const scanf = rows.find((r) => r.name === 'scanf')!;
    const printf = rows.find((r) => r.name === 'printf')!;
    print('');
    print('iostream against stdio in the judge (target ≤ 2×):');
    for (const row of rows.filter((r) => r.language === 'C++' && /cin|getline/.test(r.name)))
      print(`- ${row.name}: ${ratio(row.judge, scanf.judge)} of scanf`);
    for (const row of rows.filter((r) => r.language === 'C++' && /cout/.test(r.name)))
      print(`- ${row.name}: ${ratio(row.judge, printf.judge)} of printf`);
    print('');
    print(loadAverageLine());
  },
};
