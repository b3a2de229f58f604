/**
 * Why the judge runs compiled C++ with its own WASI runner and not @wasmer/sdk (the ready-made
 * WASI runtime for browsers): the same clang-built binary, the same stdin, per-run time in each runtime, and a native
 * g++ build of the same source as the reference (its time includes starting a process, as a
 * native judge's does).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wasmer } from '@wasmer/sdk/node';
import { commands } from '@yowasp/clang';
import { runWasiProgram } from '../src/exec/runtime/wasiProgram';
import { fmt, median, ratio, timed, type BenchSection } from './benchSection';

const SOURCE = 'tests/fixtures/submissions/aplusb/ac-iostream.cc';
const STDIN = '2 3\n';
const RUNS = 15;

type ClangCommand = (
  args: string[],
  files: Record<string, string>,
  options: { fetchProgress: () => void },
) => Promise<Record<string, unknown>>;

export const wasiRuntimeSection: BenchSection = {
  name: 'WASI runtime: our runner vs @wasmer/sdk',
  async run(print) {
    const source = readFileSync(SOURCE, 'utf8');
    const clang = commands['clang++'] as unknown as ClangCommand;
    const output = await clang(
      ['-std=c++17', '-O2', '-fno-exceptions', 'a.cpp', '-o', 'a.wasm'],
      { 'a.cpp': source },
      { fetchProgress: () => {} },
    );
    const wasm = output['a.wasm'] as Uint8Array<ArrayBuffer>;
    const module = new WebAssembly.Module(wasm);

    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-bench-'));
    writeFileSync(join(dir, 'a.cpp'), source);
    execFileSync('g++', ['-std=c++17', '-O2', join(dir, 'a.cpp'), '-o', join(dir, 'a')]);
    const nativeRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) nativeRuns.push((await timed(() => execFileSync(join(dir, 'a'), { input: STDIN })))[1]);

    const oursRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [outcome, ms] = await timed(() =>
        runWasiProgram(module, { stdin: new TextEncoder().encode(STDIN), outputBytes: 1 << 20, memoryBytes: 256 << 20 }),
      );
      if (i === 0 && outcome.stdout.trim() !== '5') throw new Error('our runner printed the wrong sum');
      oursRuns.push(ms);
    }

    const [wasmer, createMs] = await timed(() => Wasmer.create());
    const [sandbox, sandboxMs] = await timed(() => wasmer.sandboxes.create());
    const [pkg, installMs] = await timed(() => sandbox.installPackage(wasm));
    const wasmerRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) wasmerRuns.push((await timed(() => sandbox.command(pkg.command('main')).run({ stdin: STDIN })))[1]);
    await wasmer.close();

    const nativeMedian = median(nativeRuns);
    print(`Same binary (${SOURCE}, clang -O2 → wasm32-wasi), ${RUNS} runs each; native = g++ -O2 binary started per run.`);
    print('');
    print('| runtime | set-up | first run | median run | median vs native |');
    print('| --- | --- | --- | --- | --- |');
    print(`| native g++ -O2 (process per run) | – | ${fmt(nativeRuns[0]!)} | ${fmt(nativeMedian)} | 1.00× |`);
    print(
      `| critique-lab WASI runner | none (module compiled once) | ${fmt(oursRuns[0]!)} | ${fmt(median(oursRuns))} | ${ratio(median(oursRuns), nativeMedian)} |`,
    );
    print(
      `| @wasmer/sdk 0.16 | ${fmt(createMs + sandboxMs + installMs)} (runtime ${fmt(createMs)}, sandbox ${fmt(sandboxMs)}, package ${fmt(installMs)}) | ${fmt(wasmerRuns[0]!)} | ${fmt(median(wasmerRuns))} | ${ratio(median(wasmerRuns), nativeMedian)} |`,
    );
  },
};
