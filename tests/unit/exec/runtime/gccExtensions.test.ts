/**
 * The GCC extensions contest code uses (gccExtensionHeaders.ts), compiled by the real clang and run
 * by the WASI runner: pb_ds trees and hash tables against std::set/map/multiset on random operation
 * sequences (the program counts every disagreement), and the same program's output under native
 * g++ with libstdc++'s real pb_ds where g++ is installed; __gcd/__lg through <algorithm> alone;
 * <bits/extc++.h> with the precompiled header.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { commands } from '@yowasp/clang';
import { describe, expect, it } from 'vitest';
import { CppCompiler, type ClangCommand, type CppCompileOutcome } from '../../../../src/exec/runtime/cppCompiler';
import { diskPrebuiltStore } from '../../../../src/exec/clangCaches/nodePrebuiltStore';
import { SHARED_CLANG_ENV, sharedClang } from '../../../../src/exec/clangCaches/nodeSharedClang';
import { runWasiProgram } from '../../../../src/exec/runtime/wasiProgram';

/** The test run's warm clang where it has one (nodeSharedClang.ts), else one of this file's own. */
const sharedPath = process.env[SHARED_CLANG_ENV];
const compiler = sharedPath
  ? sharedClang(sharedPath)
  : new CppCompiler(commands['clang++'] as unknown as ClangCommand, diskPrebuiltStore());
const PBDS = fileURLToPath(new URL('../../../fixtures/gccExtensions/pbds.cc', import.meta.url));

async function compileAndRun(source: string): Promise<{ built: CppCompileOutcome; stdout: string }> {
  const built = await compiler.compile(source, 256 << 20);
  expect(built.stderr).toBe('');
  const outcome = runWasiProgram(new WebAssembly.Module(built.wasm as Uint8Array<ArrayBuffer>), {
    stdin: new Uint8Array(),
    outputBytes: 1 << 20,
    memoryBytes: 256 << 20,
  });
  expect(outcome.status).toBe('ok');
  return { built, stdout: outcome.stdout };
}

let pbdsRun: ReturnType<typeof compileAndRun> | undefined;
/** pbds.cc built and run once for both tests that read its output. */
const runPbds = (): ReturnType<typeof compileAndRun> => (pbdsRun ??= compileAndRun(readFileSync(PBDS, 'utf8')));

function nativeGpp(): boolean {
  try {
    execFileSync('g++', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('GCC extensions', () => {
  it('pb_ds tree (set, map, less_equal multiset) and hash tables agree with std containers on 120,000 random operations', async () => {
    const { stdout } = await runPbds();
    expect(stdout).toMatch(/^set ops=20000 range=2000 size=\d+ digest=\d+\n/);
    expect(stdout).toContain('gcd 6 6 7 lg 0 19 40 2\n');
    expect(stdout).toMatch(/mismatches 0\n$/);
  }, 240_000);

  it.skipIf(!nativeGpp())(
    'pbds.cc prints exactly what g++ -O2 with libstdc++ pb_ds prints',
    async () => {
      const binary = join(mkdtempSync(join(tmpdir(), 'critique-lab-pbds-')), 'pbds');
      // g++ compiles while clang does: two processes, two cores.
      const [{ stdout }] = await Promise.all([runPbds(), promisify(execFile)('g++', ['-O2', '-std=c++17', PBDS, '-o', binary])]);
      const native = execFileSync(binary, { encoding: 'utf8' });
      expect(stdout).toBe(native);
    },
    240_000,
  );

  it('__gcd and __lg come with <algorithm> alone; <bits/extc++.h> uses the precompiled header', async () => {
    const viaAlgorithm = await compileAndRun(
      '#include <algorithm>\n#include <cstdio>\nint main(){printf("%d %d\\n", std::__gcd(84, 36), std::__lg(4096));}\n',
    );
    expect(viaAlgorithm.stdout).toBe('12 12\n');
    const viaExtc = await compileAndRun(
      '#include <bits/extc++.h>\nusing namespace std; using namespace __gnu_pbds;\n' +
        'int main(){tree<int,null_type,greater<int>,rb_tree_tag,tree_order_statistics_node_update> t;' +
        "for(int x:{5,1,9,3})t.insert(x);cout<<*t.find_by_order(1)<<' '<<t.order_of_key(4)<<' '<<__gcd(t.size(),size_t(6))<<endl;}\n",
    );
    expect(viaExtc.stdout).toBe('5 2 2\n');
    expect(viaExtc.built.usedPch).toBe(true);
  }, 240_000);
});
