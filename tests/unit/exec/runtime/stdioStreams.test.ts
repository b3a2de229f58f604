/**
 * The stdio streams' object (stdioStreams.ts) must change nothing a program can see: each program
 * here is built twice with the real clang — with the object, as every submission is, and without
 * it (libc++'s own iostreams) — and run on the same input by the WASI runner; output, exit status
 * and end state must be identical. The programs mix cin/cout with C stdio, hit integer limits and
 * bad input, change formatting and locales (which leave the fast paths), and exit mid-output.
 */
import { readFileSync } from 'node:fs';
import { commands } from '@yowasp/clang';
import { describe, expect, it } from 'vitest';
import { CppCompiler, type ClangCommand } from '../../../../src/exec/runtime/cppCompiler';
import { diskPrebuiltStore } from '../../../../src/exec/clangCaches/nodePrebuiltStore';
import { runWasiProgram } from '../../../../src/exec/runtime/wasiProgram';
import type { RunOutcome } from '../../../../src/exec/runtime/runOutcome';

/** The compiler as a program would have it if the stdio streams' object could not be built. */
class WithoutStdioStreams extends CppCompiler {
  override stdioStreamsObject(): Promise<Uint8Array | undefined> {
    return Promise.resolve(undefined);
  }
}

const clang = commands['clang++'] as unknown as ClangCommand;
const withStreams = new CppCompiler(clang, diskPrebuiltStore());
const withoutStreams = new WithoutStdioStreams(clang, diskPrebuiltStore());
const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/iostream/${name}`, import.meta.url), 'utf8');

async function run(compiler: CppCompiler, source: string, stdin: string): Promise<Pick<RunOutcome, 'status' | 'exitCode' | 'stdout'>> {
  const built = await compiler.compile(source, 256 << 20);
  expect(built.stderr).toBe('');
  const outcome = runWasiProgram(new WebAssembly.Module(built.wasm as Uint8Array<ArrayBuffer>), {
    stdin: new TextEncoder().encode(stdin),
    outputBytes: 1 << 20,
    memoryBytes: 256 << 20,
  });
  return { status: outcome.status, exitCode: outcome.exitCode, stdout: outcome.stdout };
}

describe('iostreams over C stdio', () => {
  it.each(['numbers', 'interleave', 'exitmid'])(
    '%s.cc: same output, status and order as libc++ alone',
    async (name) => {
      const source = fixture(`${name}.cc`);
      const stdin = fixture(`${name}.in`);
      const fast = await run(withStreams, source, stdin);
      const plain = await run(withoutStreams, source, stdin);
      expect(fast).toEqual(plain);
      expect(fast.stdout.length).toBeGreaterThan(100);
    },
    240_000,
  );

  // A sorted array is unique under a total order: equal to the lambda comparator's sort and sorted is enough.
  it('std::sort of every arithmetic type in its default order (our optimised __sort) sorts as a lambda comparator does', async () => {
    const source = `#include <bits/stdc++.h>
using namespace std;
unsigned long long state = 88172645463325252ull;
unsigned long long next() { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
template <class T> void check(const char* name, int n) {
  vector<T> values(n);
  for (auto& v : values) v = static_cast<T>(static_cast<long long>(next() % 2000001) - 1000000) / (is_floating_point<T>::value ? T(7) : T(1));
  vector<T> byLambda = values;
  sort(values.begin(), values.end());
  sort(byLambda.begin(), byLambda.end(), [](T a, T b) { return a < b; });
  long double sum = 0; for (size_t i = 0; i < values.size(); i += 97) sum += values[i];
  printf("%s %d %.3Lf\\n", name, values == byLambda && is_sorted(values.begin(), values.end()), sum);
}
int main() {
  check<char>("char", 1000); check<wchar_t>("wchar_t", 1000); check<signed char>("schar", 1000); check<unsigned char>("uchar", 1000);
  check<short>("short", 5000); check<unsigned short>("ushort", 5000); check<int>("int", 50000); check<unsigned>("unsigned", 50000);
  check<long>("long", 50000); check<unsigned long>("ulong", 50000); check<long long>("ll", 50000); check<unsigned long long>("ull", 50000);
  check<float>("float", 50000); check<double>("double", 50000); check<long double>("ldouble", 20000);
}
`;
    const lines = (await run(withStreams, source, '')).stdout.trim().split('\n');
    expect(lines).toHaveLength(15);
    for (const line of lines) expect(line.split(' ')[1]).toBe('1');
  }, 240_000);

  it('every program gets them: a <bits/stdc++.h> program reads to end of file through our cin and cout buffers', async () => {
    const source =
      '#include <bits/stdc++.h>\nint main(){long long s=0,x;while(std::cin>>x)s+=x;' +
      "std::cout<<s<<' '<<typeid(*std::cin.rdbuf()).name()<<' '<<typeid(*std::cout.rdbuf()).name()<<std::endl;}\n";
    const numbers = Array.from({ length: 20_000 }, (_, i) => String(i * 7919 - 50_000)).join(' ');
    const [sum, inBuffer, outBuffer] = (await run(withStreams, source, numbers)).stdout.trim().split(' ');
    expect(Number(sum)).toBe(Array.from({ length: 20_000 }, (_, i) => i * 7919 - 50_000).reduce((a, b) => a + b, 0));
    expect(inBuffer).toMatch(/StdinBuffer/);
    expect(outBuffer).toMatch(/StdoutBuffer/);
  }, 240_000);
});
