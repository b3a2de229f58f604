import { describe, expect, it } from 'vitest';
import { readProblemConstants, substituteConstants, substituteLatexConstants } from '../../../../src/core/problem/problemConstants';

describe('2025-09 constants', () => {
  const constants = readProblemConstants({
    constants: { MAX_N: 100000, EPS: 1e-6, FIVE: { value: 5, WORD: 'five', ROMAN: 'V' }, NAME: 'Ada' },
  });

  it('reads values and variants; {{NAME.value}} is {{NAME}}', () => {
    expect(Object.fromEntries(constants)).toEqual({
      MAX_N: '100000',
      'MAX_N.value': '100000',
      EPS: '0.000001',
      'EPS.value': '0.000001',
      FIVE: '5',
      'FIVE.value': '5',
      'FIVE.WORD': 'five',
      'FIVE.ROMAN': 'V',
      NAME: 'Ada',
      'NAME.value': 'Ada',
    });
    expect(readProblemConstants({}).size).toBe(0);
  });

  it('substitutes {{NAME}} and {{NAME.VARIANT}}, spaces inside the braces allowed, unknown names left as written', () => {
    expect(substituteConstants('n <= {{MAX_N}}, {{ FIVE.WORD }} or {{FIVE.ROMAN}}; {{UNKNOWN}} {{FIVE.NOPE}}', constants)).toBe(
      'n <= 100000, five or V; {{UNKNOWN}} {{FIVE.NOPE}}',
    );
    // A C++ brace initialiser is not a reference.
    expect(substituteConstants('int a[2] = {{1, 2}};', constants)).toBe('int a[2] = {{1, 2}};');
  });

  it("also substitutes LaTeX's \\constant{NAME} in LaTeX statements", () => {
    expect(substituteLatexConstants('$n \\le \\constant{MAX_N}$, \\constant{FIVE.WORD}, {{NAME}}', constants)).toBe(
      '$n \\le 100000$, five, Ada',
    );
  });

  it('refuses names and values it cannot use, naming problem.yaml', () => {
    expect(() => readProblemConstants({ constants: { 'bad-name': 1 } })).toThrow(
      /problem\.yaml: constants: "bad-name" is not a valid constant name/,
    );
    expect(() => readProblemConstants({ constants: { N: { value: [1] } } })).toThrow(/constants\.N\.value must be a number or a string/);
  });
});
