/**
 * The strict pickle reader against what real CPython writes: `pickle.dumps(s, protocol=p)` for
 * every protocol that frames strings in binary (1–5), short and long, ASCII and not, framed and
 * written outside a frame; and everything else a pickle can be is refused without running it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PickleShapeError, readPickledString } from '../../../../../src/core/problem/liveCodeBench/pickledString';

const STRINGS = ['', 'hi', 'x'.repeat(300), 'é ✓ 𝄞 '.repeat(12000), 'y'.repeat(70000)];

/** One python3 run: each (protocol, string) pickled, base64 on its own line. */
function pythonPickles(script: string, input = ''): Uint8Array[] {
  const out = execFileSync('python3', ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return out
    .trim()
    .split('\n')
    .map((line) => Uint8Array.from(Buffer.from(line, 'base64')));
}

describe('readPickledString', () => {
  it('reads every string python3 pickles with protocols 1 to 5', () => {
    const pickles = pythonPickles(
      `import pickle, base64, json, sys\nstrings = json.load(sys.stdin)\nfor p in range(1, 6):\n  for s in strings:\n    print(base64.b64encode(pickle.dumps(s, protocol=p)).decode())`,
      JSON.stringify(STRINGS),
    );
    expect(pickles).toHaveLength(5 * STRINGS.length);
    pickles.forEach((bytes, i) => expect(readPickledString(bytes)).toBe(STRINGS[i % STRINGS.length]));
  });

  it('refuses, naming the byte, every pickle that is not of one str', () => {
    const others = pythonPickles(
      `import pickle, base64\nclass Evil:\n  def __reduce__(self):\n    import os\n    return (os.system, ('echo pwned',))\n` +
        `for v in [['a'], ('a', 'b'), 3, b'bytes', None, {'k': 'v'}, Evil()]:\n  print(base64.b64encode(pickle.dumps(v, protocol=4)).decode())\n` +
        `print(base64.b64encode(pickle.dumps('protocol zero', protocol=0)).decode())`,
    );
    for (const bytes of others) expect(() => readPickledString(bytes)).toThrow(PickleShapeError);
    // The os.system pickle: refused at its second string (the function's name), long before its call opcode.
    expect(() => readPickledString(others.at(-2)!)).toThrow(/second value/);
    expect(() => readPickledString(others.at(-1)!)).toThrow(/opcode 0x56 .*at byte 0/);
  });

  it('refuses truncated, trailing and doubled input', () => {
    const good = pythonPickles(`import pickle, base64\nprint(base64.b64encode(pickle.dumps('abc', protocol=2)).decode())`)[0]!;
    expect(readPickledString(good)).toBe('abc');
    expect(() => readPickledString(good.subarray(0, good.length - 1))).toThrow(/no STOP/);
    expect(() => readPickledString(good.subarray(0, 6))).toThrow(/runs past the end/);
    expect(() => readPickledString(Uint8Array.from([...good, 0x2e]))).toThrow(/after STOP/);
    expect(() => readPickledString(Uint8Array.from([0x80, 4, 0x8c, 1, 0x61, 0x8c, 1, 0x62, 0x2e]))).toThrow(/second value/);
    expect(() => readPickledString(Uint8Array.from([0x8c, 2, 0xff, 0xfe, 0x2e]))).toThrow(/UTF-8/);
  });
});
