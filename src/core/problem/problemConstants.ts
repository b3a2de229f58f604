/**
 * The 2025-09 format's `constants` (problem.yaml): named values written once and substituted into
 * the package's validators and statements, so a bound such as a maximum n cannot drift between
 * them. A constant is a single value, or a map with `value` and named string variants:
 *
 *   constants:
 *     MAX_N: 100000
 *     FIVE: { value: 5, WORD: "five" }
 *
 * `{{MAX_N}}` becomes `100000`, `{{FIVE.WORD}}` becomes `five` (`{{FIVE.value}}` is `{{FIVE}}`);
 * LaTeX statements may also write `\constant{MAX_N}`. A reference to a name the package does not
 * define is left as written, so the file reads (or fails to compile) as its author wrote it.
 * Submissions are never substituted: they are what a contestant would submit.
 */
import { ProblemPackageError } from './problemPackageError';

export type ProblemConstants = ReadonlyMap<string, string>;

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const REFERENCE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)?)\s*\}\}/g;
const LATEX_REFERENCE = /\\constant\{\s*([a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)?)\s*\}/g;

/** Reads `constants` from a parsed problem.yaml: every name and `NAME.VARIANT` to its text. */
export function readProblemConstants(config: Record<string, unknown>): ProblemConstants {
  const declared = config.constants;
  const constants = new Map<string, string>();
  if (declared === undefined || declared === null) return constants;
  if (typeof declared !== 'object' || Array.isArray(declared))
    throw new ProblemPackageError('constants must be a mapping of names to values', 'problem.yaml');
  for (const [name, value] of Object.entries(declared as Record<string, unknown>)) {
    if (!NAME.test(name)) throw new ProblemPackageError(`constants: "${name}" is not a valid constant name`, 'problem.yaml');
    const variants = isMapping(value) ? value : { value };
    if (!('value' in variants)) throw new ProblemPackageError(`constants.${name} has variants but no value`, 'problem.yaml');
    for (const [variant, text] of Object.entries(variants)) {
      if (!NAME.test(variant)) throw new ProblemPackageError(`constants.${name}: "${variant}" is not a valid variant name`, 'problem.yaml');
      if (typeof text !== 'string' && typeof text !== 'number')
        throw new ProblemPackageError(`constants.${name}.${variant} must be a number or a string`, 'problem.yaml');
      constants.set(`${name}.${variant}`, String(text));
      if (variant === 'value') constants.set(name, String(text));
    }
  }
  return constants;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces `{{NAME}}` and `{{NAME.VARIANT}}` with the constants' text (validators, Markdown statements). */
export function substituteConstants(text: string, constants: ProblemConstants): string {
  if (constants.size === 0) return text;
  return text.replace(REFERENCE, (reference, name: string) => constants.get(name) ?? reference);
}

/** As substituteConstants, and LaTeX's `\constant{NAME}` too (LaTeX statements). */
export function substituteLatexConstants(text: string, constants: ProblemConstants): string {
  if (constants.size === 0) return text;
  return substituteConstants(text, constants).replace(LATEX_REFERENCE, (reference, name: string) => constants.get(name) ?? reference);
}
