/**
 * The capped zip reader on zips built here with fflate: it inflates only the picked entries, and
 * refuses, naming the entry, a zip past each cap — also when the headers lie about the sizes — a
 * corrupt entry and a file that is not a zip. Small caps keep the zips small.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CappedZipError, readCappedZip, type ZipCaps } from '../../../../src/core/archive/cappedZip';

const CAPS: ZipCaps = { entries: 10, entryBytes: 4096, totalBytes: 6000, compressionRatio: 200 };
const everything = (names: string[]): Set<string> => new Set(names);

/** Digits from a fixed linear congruential generator: bytes that barely compress. */
function digits(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let state = 7;
  for (let i = 0; i < bytes; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = 48 + ((state >>> 24) % 10);
  }
  return out;
}

function refusal(zip: Uint8Array, caps: ZipCaps = CAPS): CappedZipError {
  try {
    readCappedZip(zip, caps, everything);
  } catch (error) {
    if (error instanceof CappedZipError) return error;
    throw error;
  }
  throw new Error('the zip was read');
}

describe('readCappedZip', () => {
  it('inflates the picked files only, and offers the names of files, not folders', () => {
    const zip = zipSync({ 'out/': {}, 'out/a.txt': strToU8('alpha'), 'out/b.bin': digits(3000), 'out/c.txt': strToU8('gamma') });
    let offered: string[] = [];
    const read = readCappedZip(zip, CAPS, (names) => {
      offered = names;
      return new Set(['out/b.bin', 'out/c.txt']);
    });
    expect(offered).toEqual(['out/a.txt', 'out/b.bin', 'out/c.txt']);
    expect(read.map((e) => e.name)).toEqual(['out/b.bin', 'out/c.txt']);
    expect(read[0]!.bytes).toEqual(digits(3000));
    expect(new TextDecoder().decode(read[1]!.bytes)).toBe('gamma');
  });

  it('refuses more picked entries than the cap before inflating any', () => {
    const zip = zipSync({ 'a.txt': strToU8('a'), 'b.txt': strToU8('b'), 'c.txt': strToU8('c') });
    const error = refusal(zip, { ...CAPS, entries: 2 });
    expect(error.refusal).toEqual({ cap: 'entries', count: 3, limit: 2 });
    expect(error.message).toBe('too many files (3; at most 2)');
    // Entries left unpicked do not count.
    expect(readCappedZip(zip, { ...CAPS, entries: 2 }, () => new Set(['a.txt', 'c.txt']))).toHaveLength(2);
  });

  it('stops an entry past the per-entry cap, even when its header claims it is small', () => {
    const zip = zipSync({ 'small.txt': strToU8('fine'), 'big.in': digits(5000) }, { level: 0 });
    expect(refusal(zip).refusal).toMatchObject({ cap: 'entryBytes', entry: 'big.in', limit: 4096 });
    expect(refusal(zip).message).toMatch(/^big\.in: file too large \(4\.9 KiB; at most 4\.0 KiB per file\)$/);
    const lying = claimSizes(zip, 'big.in', 10);
    expect(lying).not.toEqual(zip);
    expect(refusal(lying).refusal).toMatchObject({ cap: 'entryBytes', entry: 'big.in' });
    expect(refusal(lying).message).toBe('big.in: file too large (it inflates past 4.0 KiB, the most a file may hold)');
  });

  it('stops at the entry that takes the total past its cap', () => {
    const zip = zipSync({ '1.in': digits(3500), '2.in': digits(3500) });
    expect(refusal(zip).refusal).toEqual({ cap: 'totalBytes', entry: '2.in', limit: 6000 });
  });

  it('refuses an entry that inflates past the compression ratio (a zip bomb)', () => {
    const zip = zipSync({ 'bomb.in': new Uint8Array(2 * 2 ** 20) }, { level: 9 });
    const caps = { ...CAPS, entryBytes: 2 ** 30, totalBytes: 2 ** 30 };
    const error = refusal(zip, caps);
    expect(error.refusal).toEqual({ cap: 'compressionRatio', entry: 'bomb.in', limit: 200 });
    expect(error.message).toBe('bomb.in: inflates to more than 200× its compressed size: refused as a zip bomb');
    // Under the ratio floor (1 MiB) even zeros are read: small files compress oddly.
    expect(readCappedZip(zipSync({ 'zeros.in': new Uint8Array(2 ** 19) }, { level: 9 }), caps, everything)).toHaveLength(1);
  });

  it('names an entry whose compressed data is corrupt, and refuses what is not a zip', () => {
    const zip = zipSync({ 'data.txt': strToU8('some text that deflates '.repeat(50)) }, { level: 9 });
    const dataAt = 30 + 'data.txt'.length;
    zip.fill(0xff, dataAt, dataAt + 8);
    expect(refusal(zip).refusal).toMatchObject({ cap: 'corruptEntry', entry: 'data.txt' });
    expect(refusal(zip).message).toMatch(/^data\.txt: cannot be inflated \(.+\)$/);
    expect(refusal(strToU8('this is not a zip archive at all')).refusal.cap).toBe('empty');
    expect(refusal(zipSync({})).message).toBe('the zip archive is empty or not a zip archive');
  });

  it('lets what the picker throws pass through unchanged', () => {
    const zip = zipSync({ '../escape.txt': strToU8('x') });
    const picker = (): Set<string> => {
      throw new RangeError('path leaves the package');
    };
    expect(() => readCappedZip(zip, CAPS, picker)).toThrow(RangeError);
  });
});

/** The zip with `name`'s local header claiming `bytes` inflated (what a hostile zip may say). */
function claimSizes(zip: Uint8Array, name: string, bytes: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at + 30 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const header = out.subarray(at + 30, at + 30 + nameLength);
    if (nameLength === encoded.length && header.every((b, i) => b === encoded[i])) view.setUint32(at + 22, bytes, true);
  }
  return out;
}
