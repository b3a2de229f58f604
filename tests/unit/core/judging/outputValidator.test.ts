import { describe, expect, it } from 'vitest';
import { validate } from '../../../../src/core/judging/outputValidator';
import { DEFAULT_VALIDATOR, type ValidatorFlags } from '../../../../src/core/problem/problem';

const flags = (over: Partial<ValidatorFlags> = {}): ValidatorFlags => ({ ...DEFAULT_VALIDATOR, ...over });

describe('default output validator', () => {
  it('accepts identical output', () => {
    expect(validate('3\n', '3\n', flags())).toEqual({ ok: true });
  });

  it('treats any run of whitespace as equal, including missing trailing newline', () => {
    expect(validate('1   2\n\n3', '1 2\n3\n', flags()).ok).toBe(true);
    expect(validate('  1\t2\r\n3  \n', '1 2 3', flags()).ok).toBe(true);
  });

  it('is case-insensitive by default and case-sensitive with the flag', () => {
    expect(validate('YES\n', 'yes\n', flags()).ok).toBe(true);
    const r = validate('YES\n', 'yes\n', flags({ caseSensitive: true }));
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('case differs');
  });

  it('names the first differing token and its line', () => {
    const r = validate('1 2\n3 5\n', '1 2\n3 4\n', flags());
    expect(r.ok).toBe(false);
    expect(r.detail).toBe('Wrong answer: line 2, token 4: expected "4", got "5".');
  });

  it('rejects missing and extra output', () => {
    expect(validate('1\n', '1 2\n', flags()).detail).toContain('output ended early at token 2');
    expect(validate('1 2 3\n', '1 2\n', flags()).detail).toContain('trailing output on line 1: "3"');
    expect(validate('', '1\n', flags()).ok).toBe(false);
    expect(validate('', '', flags()).ok).toBe(true);
    expect(validate('\n\n', '', flags()).ok).toBe(true);
  });

  it('compares numbers as text without a tolerance', () => {
    expect(validate('1.0\n', '1\n', flags()).ok).toBe(false);
    expect(validate('0.50\n', '0.5\n', flags()).ok).toBe(false);
  });

  it('space_change_sensitive requires exact whitespace and line structure', () => {
    const s = flags({ spaceChangeSensitive: true });
    expect(validate('1 2\n3\n', '1 2\n3\n', s).ok).toBe(true);
    expect(validate('1  2\n3\n', '1 2\n3\n', s).detail).toContain('whitespace differs before token 2');
    expect(validate('1 2 3\n', '1 2\n3\n', s).ok).toBe(false);
    expect(validate('1 2\n3', '1 2\n3\n', s).detail).toContain('trailing whitespace differs');
    expect(validate('1 2\n3\n', '1 2\n3\n', flags()).ok).toBe(true);
  });

  describe('float tolerances', () => {
    it('accepts within absolute tolerance, rejects outside', () => {
      const f = flags({ floatAbsoluteTolerance: 1e-6 });
      expect(validate('0.3333333\n', '0.333333333\n', f).ok).toBe(true);
      const r = validate('0.3334\n', '0.333333333\n', f);
      expect(r.ok).toBe(false);
      expect(r.detail).toMatch(/exceeds the absolute 0.000001 tolerance|exceeds the absolute 1e-6 tolerance/);
    });

    it('accepts within relative tolerance for large values', () => {
      const f = flags({ floatRelativeTolerance: 1e-6 });
      expect(validate('1000000.5\n', '1000000\n', f).ok).toBe(true);
      expect(validate('1000002\n', '1000000\n', f).ok).toBe(false);
    });

    it('either tolerance accepts (float_tolerance sets both)', () => {
      const f = flags({ floatAbsoluteTolerance: 1e-4, floatRelativeTolerance: 1e-4 });
      expect(validate('0.00005\n', '0\n', f).ok).toBe(true); // absolute accepts, relative cannot
      expect(validate('100000.5\n', '100000\n', f).ok).toBe(true); // relative accepts, absolute does not
      expect(validate('100011\n', '100000\n', f).ok).toBe(false);
    });

    it('accepts any float formatting of a number token', () => {
      const f = flags({ floatAbsoluteTolerance: 1e-9 });
      expect(validate('3.14e-2\n', '0.0314\n', f).ok).toBe(true);
      expect(validate('3.14E-2\n', '0.0314\n', f).ok).toBe(true);
      expect(validate('5\n', '5.000000\n', f).ok).toBe(true);
      expect(validate('+.5\n', '0.5\n', f).ok).toBe(true);
      expect(validate('-0\n', '0.0\n', f).ok).toBe(true);
    });

    it('requires a number where the answer has one; non-numbers still compare as words', () => {
      const f = flags({ floatAbsoluteTolerance: 1e-6 });
      expect(validate('abc\n', '1.5\n', f).detail).toContain('expected a number');
      expect(validate('1.5x\n', '1.5\n', f).ok).toBe(false);
      expect(validate('Impossible 2.0\n', 'IMPOSSIBLE 2\n', f).ok).toBe(true);
      expect(validate('inf\n', 'INF\n', f).ok).toBe(true);
      expect(validate('nan\n', 'NaN\n', f).ok).toBe(true);
      expect(validate('1\n', 'nan\n', f).ok).toBe(false);
    });
  });
});
