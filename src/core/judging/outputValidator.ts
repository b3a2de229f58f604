/**
 * Kattis's default output validator (docs/judging.md), as a pure function: compares a program's
 * output with the judge's answer file.
 *
 * - Token by token; any run of whitespace equals any other, unless `spaceChangeSensitive`, in which
 *   case the whitespace between, before and after tokens must match byte for byte (so line
 *   structure and trailing newlines count).
 * - Case-insensitive unless `caseSensitive`.
 * - With a float tolerance, a judge token that is a number is compared numerically: the output
 *   token must be a number too, and it is accepted when either tolerance accepts
 *   (|out − ans| ≤ abs, or |out − ans| ≤ rel·|ans|). Any float formatting is accepted then
 *   (`3.14e-2` for `0.0314`, `5` for `5.000`). Without a tolerance, numbers compare as text.
 */
import type { ValidatorFlags } from '../problem/problem';

export interface ValidationResult {
  ok: boolean;
  /** For a rejection: one sentence naming the first difference (line, token, expected, got). */
  detail?: string;
}

interface Token {
  text: string;
  /** 1-based line of the token in its own text. */
  line: number;
  /** Whitespace immediately before this token (used in space-change-sensitive mode). */
  space: string;
}

/** strtod-like number syntax: decimal with optional exponent, or inf/infinity/nan. */
const NUMBER = /^[+-]?((\d+\.?\d*|\.\d+)(e[+-]?\d+)?|inf(inity)?|nan)$/i;

const SHOWN = 40;

export function validate(output: string, answer: string, flags: ValidatorFlags): ValidationResult {
  const got = tokenize(output);
  const want = tokenize(answer);
  const tolerant = flags.floatAbsoluteTolerance !== undefined || flags.floatRelativeTolerance !== undefined;

  for (let i = 0; i < want.tokens.length; i++) {
    const w = want.tokens[i]!;
    const g = got.tokens[i];
    if (g === undefined) {
      return reject(`output ended early at token ${i + 1}: expected ${show(w.text)} (answer line ${w.line}), got end of output`);
    }
    if (flags.spaceChangeSensitive && g.space !== w.space) {
      return reject(
        `whitespace differs before token ${i + 1} on line ${g.line}: expected ${showSpace(w.space)}, got ${showSpace(g.space)}`,
      );
    }
    const verdict = compareToken(g.text, w.text, flags, tolerant);
    if (verdict !== undefined) {
      return reject(`line ${g.line}, token ${i + 1}: expected ${show(w.text)}, got ${show(g.text)}${verdict ? ` (${verdict})` : ''}`);
    }
  }
  const extra = got.tokens[want.tokens.length];
  if (extra !== undefined) {
    return reject(
      `trailing output on line ${extra.line}: ${show(extra.text)} after the ${want.tokens.length} expected token${want.tokens.length === 1 ? '' : 's'}`,
    );
  }
  if (flags.spaceChangeSensitive && got.trailing !== want.trailing) {
    return reject(`trailing whitespace differs: expected ${showSpace(want.trailing)}, got ${showSpace(got.trailing)}`);
  }
  return { ok: true };
}

/** Undefined when the tokens match; otherwise a (possibly empty) reason. */
function compareToken(got: string, want: string, flags: ValidatorFlags, tolerant: boolean): string | undefined {
  if (tolerant && NUMBER.test(want)) {
    if (!NUMBER.test(got)) return 'expected a number';
    const a = parseNumber(got);
    const b = parseNumber(want);
    if (Number.isNaN(b)) return Number.isNaN(a) ? undefined : 'expected nan';
    if (a === b) return undefined; // also equal infinities
    const diff = Math.abs(a - b);
    const abs = flags.floatAbsoluteTolerance;
    const rel = flags.floatRelativeTolerance;
    if (abs !== undefined && diff <= abs) return undefined;
    if (rel !== undefined && diff <= rel * Math.abs(b)) return undefined;
    const allowed = [abs !== undefined ? `absolute ${abs}` : '', rel !== undefined ? `relative ${rel}` : ''].filter(Boolean).join(' / ');
    return `difference ${formatDiff(diff)} exceeds the ${allowed} tolerance`;
  }
  if (flags.caseSensitive ? got === want : got.toLowerCase() === want.toLowerCase()) return undefined;
  return flags.caseSensitive && got.toLowerCase() === want.toLowerCase() ? 'case differs' : '';
}

function parseNumber(text: string): number {
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?inf/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (/nan$/.test(lower)) return Number.NaN;
  return Number(lower);
}

/** Splits on the whitespace bytes the C validator treats as space (isspace in the C locale). */
function tokenize(text: string): { tokens: Token[]; trailing: string } {
  const tokens: Token[] = [];
  const pattern = /([ \t\n\v\f\r]*)([^ \t\n\v\f\r]+)/g;
  let line = 1;
  let end = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const space = match[1]!;
    line += countNewlines(space);
    tokens.push({ text: match[2]!, line, space });
    end = pattern.lastIndex;
  }
  return { tokens, trailing: text.slice(end) };
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

function reject(detail: string): ValidationResult {
  return { ok: false, detail: `Wrong answer: ${detail}.` };
}

function show(token: string): string {
  return JSON.stringify(token.length > SHOWN ? `${token.slice(0, SHOWN)}…` : token);
}

function showSpace(space: string): string {
  return space === '' ? 'nothing' : JSON.stringify(space.length > SHOWN ? `${space.slice(0, SHOWN)}…` : space);
}

function formatDiff(diff: number): string {
  return diff === 0 ? '0' : diff.toPrecision(3);
}
