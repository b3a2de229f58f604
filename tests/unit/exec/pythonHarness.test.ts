/**
 * pythonHarness.py on its own, in a real Pyodide interpreter (no worker, no runner): how it runs
 * one program, what it reports, and that it puts the interpreter back between programs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPyodide } from 'pyodide';
import { pyodideIndexUrl, readPythonHarness } from '../../../src/exec/node/pythonFiles';

type RunResult = [status: string, exitCode: number, message: string, stdout: string, stderr: string];
interface PyProxyLike {
  toJs(): unknown;
  destroy(): void;
}

let run: (source: string, stdin?: string, outCap?: number) => RunResult;
let checkSyntax: (source: string) => string;

beforeAll(async () => {
  const pyodide = await loadPyodide({ indexURL: pyodideIndexUrl(), stdout: () => {}, stderr: () => {} });
  pyodide.runPython(readPythonHarness());
  const runFn = pyodide.globals.get('_run') as (source: string, stdin: Uint8Array, out: number, err: number) => PyProxyLike;
  run = (source, stdin = '', outCap = 1 << 20) => {
    const proxy = runFn(source, new TextEncoder().encode(stdin), outCap, 1 << 16);
    const result = proxy.toJs() as RunResult;
    proxy.destroy();
    return result;
  };
  checkSyntax = pyodide.globals.get('_check_syntax') as (source: string) => string;
}, 60_000);

describe('pythonHarness.py', () => {
  it('runs a program on its stdin and returns what it printed', () => {
    expect(run('a, b = map(int, input().split())\nprint(a + b)\n', '2 3\n')).toEqual(['ok', 0, '', '5\n', '']);
    expect(run('import sys\nprint(len(sys.stdin.buffer.read()))\n', 'abc\n')[3]).toBe('4\n');
  });

  it('reports exit statuses like a process', () => {
    expect(run('import sys\nsys.exit(0)\n').slice(0, 2)).toEqual(['ok', 0]);
    expect(run('import sys\nsys.exit(3)\n').slice(0, 3)).toEqual(['exit', 3, 'exit status 3']);
    const message = run('import sys\nsys.exit("bad input")\n');
    expect(message.slice(0, 2)).toEqual(['exit', 1]);
    expect(message[4]).toContain('bad input');
  });

  it('reports an exception with a traceback of the program only', () => {
    const [status, , message, , stderr] = run('x = 1\nprint(x // 0)\n');
    expect(status).toBe('crash');
    expect(message).toBe('ZeroDivisionError');
    expect(stderr).toContain('File "solution.py", line 2');
    expect(stderr).not.toContain('_run');
  });

  it('says in plain words that a module outside the standard library is not available', () => {
    const [status, , message, , stderr] = run('import numpy as np\nprint(np.zeros(3))\n');
    expect(status).toBe('crash');
    expect(message).toBe('numpy is not available in this judge: only the Python standard library is installed');
    expect(stderr).toContain("No module named 'numpy'");
    expect(run('from sortedcontainers.sortedlist import SortedList\n')[2]).toMatch(/^sortedcontainers is not available in this judge/);
    // A standard module that WebAssembly lacks (Pyodide has no `resource`) is named as such.
    expect(run('import resource\n')[2]).toBe(
      'resource is part of the standard library but not available in this judge (no such module under WebAssembly)',
    );
    // The recursion idiom that runs main() in a thread with a big stack: no threads here, said so.
    expect(run('import threading\nthreading.Thread(target=print).start()\n')[2]).toBe(
      'threads are not available in this judge (Python runs single-threaded here)',
    );
    // Other RuntimeErrors keep their own names (RecursionError is one).
    expect(run('def f(n):\n    return f(n + 1)\nf(0)\n')[2]).toBe('RecursionError');
    // A program that falls back on its own keeps running.
    expect(run('try:\n    import numpy\nexcept ImportError:\n    numpy = None\nprint(numpy is None)\n')).toEqual([
      'ok',
      0,
      '',
      'True\n',
      '',
    ]);
  });

  it('stops a program at the output cap, keeping what fits', () => {
    const [status, , , stdout] = run('while True:\n    print("x" * 100)\n', '', 1000);
    expect(status).toBe('output');
    expect(stdout.length).toBe(1000);
  });

  it('treats MemoryError as the memory limit', () => {
    expect(run('raise MemoryError()\n')[0]).toBe('memory');
  });

  it('checks syntax as the compile step, naming the line', () => {
    expect(checkSyntax('print(1)\n')).toBe('');
    const error = checkSyntax('print(1\n');
    expect(error).toContain('solution.py');
    expect(error).toMatch(/SyntaxError/);
  });

  it('puts the interpreter back: modules, builtins, limits and module state', () => {
    expect(run('import sys\nprint("fractions" in sys.modules)\n')[3]).toBe('False\n');
    const tamper = [
      'import builtins, sys, math, fractions',
      'builtins.print = lambda *a, **k: None',
      'builtins.int = str',
      'math.pi = 3',
      'sys.setrecursionlimit(50)',
      'sys.set_int_max_str_digits(700)',
      'sys.modules["collections"].Counter = None',
    ].join('\n');
    expect(run(tamper)[0]).toBe('ok');
    const check = [
      'import sys, math, collections',
      'print(int("7") + 1, math.pi > 3.14, sys.getrecursionlimit() > 50, sys.get_int_max_str_digits() != 700, collections.Counter("aa")["a"])',
      'print("fractions" in sys.modules)',
    ].join('\n');
    const [status, , , stdout] = run(check);
    expect(status).toBe('ok');
    expect(stdout).toBe('8 True True True 2\nFalse\n');
  });

  it('gives every program a fresh __main__', () => {
    run('secret = 42\n');
    expect(run('print("secret" in globals())\n')[3]).toBe('False\n');
  });
});
