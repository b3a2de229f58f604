/**
 * Reads the verdict out of a critique's answer (the text after its `</think>`).
 *
 * How the answer is read, most trusted first:
 * 0. OCR-2's trained verdict, the judgment tag `<judgment>right</judgment>` /
 *    `<judgment>wrong</judgment>` (also spelled `judgement`, any case), wherever it stands in the
 *    answer: it is the format the model was fine-tuned to end with (VERDICT_FORMAT.ocr2).
 * 1. Explicit markers of the requested style. OCR-2: a labelled judgement ("Judgement: right",
 *    "Judgment - Wrong", "**Verdict:** right", "Final verdict: the solution is not correct",
 *    "<verdict>right</verdict>", a heading "## Verdict" with the word on the next line) or
 *    LaTeX `\boxed{right}`. Critique-Coder: `\conclusion{T}` / `\conclusion{F}` (also
 *    True/False, spaces or `\text{}` inside the braces).
 * 2. Explicit markers of the other style, as a fallback: a model told one format sometimes writes
 *    the other (Critique-Coder-style training data, or OCR-2 habits), and the intent is unambiguous.
 * 3. With no marker at all, only a final line whose last sentence is clearly the verdict ("Right.",
 *    "The solution is correct.", "Therefore, the code is wrong."). Anything else is no verdict:
 *    the word "wrong" in ordinary prose ("the wrong approach would be…") is not a judgement.
 *
 * A marker alone on its line is a judgement statement and outranks markers inside longer
 * sentences. Within the deciding group every marker must agree; a critique that states both
 * "right" and "wrong" (two judgment tags that disagree, or \conclusion{T} and \conclusion{F}) has
 * no usable verdict, because a later statement does not reliably retract an earlier one. Markers
 * that merely quote the format ("`Judgement: right` or `Judgement: wrong`",
 * "<judgment>right/wrong</judgment>") are ignored. Only the answer is read: a tag written inside
 * the reasoning alone is thinking aloud, not the verdict the model was trained to give after it.
 */
import type { CritiqueStyle, CritiqueVerdict } from '../chat/critiqueVerdict';

export type VerdictSource = 'marker' | 'other-style-marker' | 'final-line' | 'contradictory' | 'missing';

interface VerdictParse {
  verdict: CritiqueVerdict;
  /** Which rule decided (or why nothing did). */
  source: VerdictSource;
  /** Explicit markers in the group that decided (0 for the final-line rule or when missing). */
  markers: number;
}

type Family = 'ocr2' | 'critique-coder';

interface Marker {
  start: number;
  end: number;
  verdict: 'right' | 'wrong';
  family: Family;
  /** The marker is the whole of its line(s), apart from punctuation and markdown. */
  standalone: boolean;
  /** The marker is OCR-2's trained judgment tag. */
  judgmentTag: boolean;
}

const WORD_VALUE = '(not\\s+)?(right|wrong|correct|incorrect|true|false|t|f)';
const SUBJECT =
  '(?:(?:that\\s+)?(?:the\\s+)?(?:(?:given|submitted|candidate|proposed|provided)\\s+)?' +
  '(?:solution|code|program|submission|answer|implementation)\\s+is\\s+)';

const PATTERNS: { family: Family; regex: RegExp }[] = [
  {
    family: 'ocr2',
    // Label, an optional separator (may end the line, as in a heading), optional "the solution is",
    // then the word, which must end its clause so "Verdict: right for small n" is not a verdict.
    regex: new RegExp(
      '\\b(?:final\\s+)?(?:judge?ment|verdict|conclusion|assessment|final\\s+answer)\\b' +
        '\\s*(?:[:：=,\\-–—]+|\\bis\\b\\s*:?)?\\s*' +
        `${SUBJECT}?(not\\s+)?(right|wrong|correct|incorrect)\\b` +
        '(?=[ \\t]*(?:$|[.!;,:)\\]}\\-–—(]))',
      'gim',
    ),
  },
  { family: 'ocr2', regex: new RegExp(`<(judge?ment|verdict)>\\s*${WORD_VALUE}\\s*</\\1>`, 'gi') },
  { family: 'ocr2', regex: new RegExp(`\\\\boxed\\s*\\{\\s*${WORD_VALUE}\\s*\\}`, 'gi') },
  { family: 'critique-coder', regex: new RegExp(`\\\\conclusion\\s*\\{\\s*${WORD_VALUE}\\s*\\}`, 'gi') },
];

const POSITIVE = new Set(['right', 'correct', 'true', 't']);

/** Strips presentation (markdown emphasis, code spans, math delimiters, LaTeX text wrappers). */
function normalise(answer: string): string {
  let text = answer
    .replace(/\r\n?/g, '\n')
    .replace(/[’‘]/g, "'")
    .replace(/[*`$_]/g, '');
  const wrapper = /\\(?:text(?:bf|it|tt|rm|sf)?|math(?:rm|bf|tt|sf)|mbox)\s*\{([^{}]*)\}/g;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(wrapper, '$1');
  }
  return text;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

/** The marker is quoting the format ("… right or Judgement: wrong"), not judging. */
function isEcho(text: string, start: number, end: number): boolean {
  const before = text.slice(lineStart(text, start), start);
  const after = text.slice(end, lineEnd(text, end));
  return /(?:\bor|\botherwise|\beither|\belse|[/|])\s*[,:]?\s*$/i.test(before) || /^\s*[,;]?\s*(?:or\b|[/|])/i.test(after);
}

function findMarkers(text: string): Marker[] {
  const found: Marker[] = [];
  for (const { family, regex } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isEcho(text, start, end)) continue;
      // The last two groups are always (negation, word).
      const word = (m[m.length - 1] ?? '').toLowerCase();
      const negated = m[m.length - 2] !== undefined;
      const positive = POSITIVE.has(word) !== negated;
      const rest = text.slice(lineStart(text, start), start) + text.slice(end, lineEnd(text, end));
      found.push({
        start,
        end,
        verdict: positive ? 'right' : 'wrong',
        family,
        standalone: /^[\s#>\-–—•.!:;,()[\]{}'"]*$/.test(rest),
        judgmentTag: /^<judge?ment>/i.test(m[0]),
      });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // Patterns may overlap ("Verdict: \boxed{right}" is one statement); keep the earliest.
  return found.filter((m, i) => i === 0 || m.start >= (found[i - 1]?.end ?? 0));
}

const FINAL_SENTENCE = new RegExp(
  '^(?:(?:therefore|thus|so|hence|overall|finally|in conclusion|in summary|in short)[,:]?\\s+)?' +
    '(?:(?:it|this|that|the\\s+(?:(?:given|submitted|candidate|proposed|provided|above)\\s+)?' +
    '(?:solution|code|program|submission|answer|implementation|approach))\\s+is\\s+' +
    '(?:(?:therefore|thus|indeed|definitely|completely|entirely|fully|totally)\\s+)?)?' +
    '(not\\s+)?(right|wrong|correct|incorrect)$',
  'i',
);

function finalLineVerdict(text: string): CritiqueVerdict {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const last = (lines[lines.length - 1] ?? '').replace(/^(?:[#>•]+|[-–—+]\s|\d+[.)]\s)\s*/, '');
  const sentences = last.split(/(?<=[.!?])\s+/);
  const sentence = (sentences[sentences.length - 1] ?? '')
    .replace(/\b(it|that)'s\b/gi, '$1 is')
    .replace(/^["'([]+|["')\].!]+$/g, '')
    .trim();
  const m = FINAL_SENTENCE.exec(sentence);
  if (!m) return 'none';
  const positive = (m[2] ?? '').toLowerCase() === 'right' || (m[2] ?? '').toLowerCase() === 'correct';
  return positive !== (m[1] !== undefined) ? 'right' : 'wrong';
}

export function explainCritiqueVerdict(answer: string, style: CritiqueStyle): VerdictParse {
  const text = normalise(answer);
  const markers = findMarkers(text);
  const other: Family = style === 'ocr2' ? 'critique-coder' : 'ocr2';
  const groups: { source: VerdictSource; markers: Marker[] }[] = [
    // OCR-2's trained tag outranks every other way of stating a verdict (rule 0).
    { source: 'marker', markers: style === 'ocr2' ? markers.filter((m) => m.judgmentTag) : [] },
    { source: 'marker', markers: markers.filter((m) => m.family === style && m.standalone) },
    { source: 'other-style-marker', markers: markers.filter((m) => m.family === other && m.standalone) },
    { source: 'marker', markers: markers.filter((m) => m.family === style && !m.standalone) },
    { source: 'other-style-marker', markers: markers.filter((m) => m.family === other && !m.standalone) },
  ];
  for (const group of groups) {
    const last = group.markers[group.markers.length - 1];
    if (!last) continue;
    const agree = group.markers.every((m) => m.verdict === last.verdict);
    return agree
      ? { verdict: last.verdict, source: group.source, markers: group.markers.length }
      : { verdict: 'none', source: 'contradictory', markers: group.markers.length };
  }
  const verdict = finalLineVerdict(text);
  return { verdict, source: verdict === 'none' ? 'missing' : 'final-line', markers: 0 };
}

/** The critique's verdict: 'right', 'wrong', or 'none' when it gave no usable one. */
export function parseCritiqueVerdict(answer: string, style: CritiqueStyle): CritiqueVerdict {
  return explainCritiqueVerdict(answer, style).verdict;
}
