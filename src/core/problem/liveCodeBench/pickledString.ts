/**
 * Reads a Python pickle that holds one `str` — the shape LiveCodeBench stores its private tests
 * in — and nothing else. A pickle is a program for a stack machine that may import and call
 * anything, so this is not an unpickler: it walks the byte string opcode by opcode, accepts only
 * the opcodes Python's `pickle.dumps(some_str)` writes for protocols 1 to 5, and throws a
 * PickleShapeError naming the first byte it does not accept. Nothing is ever executed.
 *
 * Accepted, in order: optional PROTO n (n ≤ 5); FRAME markers anywhere (protocol 4+ frames the
 * stream; a large string is written outside a frame); exactly one string opcode (SHORT_BINUNICODE,
 * BINUNICODE, BINUNICODE8); optional memo stores (MEMOIZE, BINPUT, LONG_BINPUT); STOP as the last byte.
 */

export class PickleShapeError extends Error {
  constructor(why: string, offset: number) {
    super(`not a pickled string: ${why} at byte ${offset}`);
    this.name = 'PickleShapeError';
  }
}

const OP = {
  PROTO: 0x80,
  FRAME: 0x95,
  SHORT_BINUNICODE: 0x8c,
  BINUNICODE: 0x58, // 'X'
  BINUNICODE8: 0x8d,
  MEMOIZE: 0x94,
  BINPUT: 0x71, // 'q'
  LONG_BINPUT: 0x72, // 'r'
  STOP: 0x2e, // '.'
} as const;

const HIGHEST_PROTOCOL = 5;

/** A cursor over the pickle's bytes that refuses to read past its end. */
class ByteReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  take(count: number, what: string): Uint8Array {
    if (count > this.bytes.length - this.offset)
      throw new PickleShapeError(`${what} runs past the end (${count} bytes wanted)`, this.offset);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  /** An unsigned little-endian integer of `width` bytes; 8-byte lengths must fit a safe integer. */
  uint(width: 1 | 4 | 8, what: string): number {
    const b = this.take(width, what);
    let value = 0;
    for (let i = width - 1; i >= 0; i--) value = value * 256 + b[i]!;
    if (!Number.isSafeInteger(value)) throw new PickleShapeError(`${what} is too large`, this.offset - width);
    return value;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array, offset: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PickleShapeError('the string is not valid UTF-8', offset);
  }
}

/** The string a pickle of one `str` holds; throws PickleShapeError for any other pickle. */
export function readPickledString(bytes: Uint8Array): string {
  const reader = new ByteReader(bytes);
  let text: string | undefined;
  let stopped = false;
  while (!reader.done) {
    const at = reader.offset;
    const op = reader.uint(1, 'opcode');
    if (stopped) throw new PickleShapeError('bytes after STOP', at);
    if (op === OP.PROTO) {
      if (at !== 0) throw new PickleShapeError('PROTO not at the start', at);
      const protocol = reader.uint(1, 'protocol');
      if (protocol < 2 || protocol > HIGHEST_PROTOCOL) throw new PickleShapeError(`unknown protocol ${protocol}`, at);
    } else if (op === OP.FRAME) {
      const length = reader.uint(8, 'frame length');
      if (length > bytes.length - reader.offset) throw new PickleShapeError('frame longer than the pickle', at);
    } else if (op === OP.SHORT_BINUNICODE || op === OP.BINUNICODE || op === OP.BINUNICODE8) {
      if (text !== undefined) throw new PickleShapeError('a second value (only one string is accepted)', at);
      const width = op === OP.SHORT_BINUNICODE ? 1 : op === OP.BINUNICODE ? 4 : 8;
      const length = reader.uint(width, 'string length');
      text = decodeText(reader.take(length, 'string'), reader.offset);
    } else if (op === OP.MEMOIZE || op === OP.BINPUT || op === OP.LONG_BINPUT) {
      if (text === undefined) throw new PickleShapeError('memo store before any value', at);
      if (op === OP.BINPUT) reader.uint(1, 'memo index');
      if (op === OP.LONG_BINPUT) reader.uint(4, 'memo index');
    } else if (op === OP.STOP) {
      if (text === undefined) throw new PickleShapeError('STOP before any value', at);
      stopped = true;
    } else {
      throw new PickleShapeError(
        `opcode 0x${op.toString(16).padStart(2, '0')} (only a pickled str is accepted; nothing in a pickle is ever run)`,
        at,
      );
    }
  }
  if (!stopped || text === undefined) throw new PickleShapeError('no STOP at the end', bytes.length);
  return text;
}
