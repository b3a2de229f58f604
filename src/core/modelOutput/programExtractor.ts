/**
 * Finds the candidate program in a model's answer. The generation prompt (prompts.ts) asks for
 * the final solution in one fenced block tagged with the language, but models drift: several
 * blocks (a draft, then the final one), a missing or odd tag, an unclosed fence when the token
 * limit hits. Each deviation leaves a short note that the UI shows beside the candidate.
 *
 * Choice order: the last block tagged with the requested language; else the last untagged block;
 * else the last block tagged with another programming language (it will most likely fail to
 * compile or run, which is the honest outcome: the model answered in the wrong language). Blocks
 * tagged as data (text, output, json, ...) are never taken. Prose is never taken as code: with no
 * fenced block the program is null, because a guessed program would be judged as if the model
 * had written it.
 */
import { FENCE_TAGS, LANGUAGE_LABEL, type Language } from '../problem/language';

/** What was imperfect about the answer, as codes (outputStates.ts labels them); notes say it in words. */
export type ExtractionIssue =
  'untagged' | 'other-language' | 'several-blocks' | 'unclosed-block' | 'empty-answer' | 'data-blocks-only' | 'empty-blocks' | 'no-block';

interface ExtractedProgram {
  program: string | null;
  notes: string[];
  issues: ExtractionIssue[];
}

/** Tags that mark sample data or shell sessions, not a program. */
const DATA_TAGS = new Set([
  'text',
  'txt',
  'plaintext',
  'plain',
  'output',
  'input',
  'stdin',
  'stdout',
  'console',
  'shell',
  'sh',
  'bash',
  'zsh',
  'json',
  'yaml',
  'yml',
  'markdown',
  'md',
  'latex',
  'tex',
  'math',
  'diff',
  'csv',
  'xml',
  'html',
]);

interface FencedBlock {
  /** Lower-cased first word of the info string, without decoration; '' when untagged. */
  tag: string;
  body: string;
  closed: boolean;
}

type TagClass = 'match' | 'untagged' | 'other' | 'data';

const OPENING = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

/** The first word of an info string, tolerant of `{.python}`, `python title="a.py"`, `python:main.py`. */
function tagOf(info: string): string {
  const word = info.trim().split(/[\s:,]+/)[0] ?? '';
  return word.replace(/^[{.]+|[}]+$/g, '').toLowerCase();
}

function readBlocks(answer: string): FencedBlock[] {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n');
  const blocks: FencedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPENING.exec(lines[i] ?? '');
    // A backtick fence's info string cannot contain a backtick (CommonMark), which also keeps
    // inline spans like ```x``` from opening a block.
    if (!open || (open[2]?.startsWith('`') && open[3]?.includes('`'))) {
      i++;
      continue;
    }
    const indent = (open[1] ?? '').length;
    const fence = open[2] ?? '```';
    const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const body: string[] = [];
    let closed = false;
    i++;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      i++;
      if (closing.test(line)) {
        closed = true;
        break;
      }
      body.push(stripIndent(line, indent));
    }
    blocks.push({ tag: tagOf(open[3] ?? ''), body: trimBlankLines(body), closed });
  }
  return blocks;
}

/** A fence indented (inside a list item, say) indents its code too; remove that much, no more. */
function stripIndent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  const kept = lines.slice(start, end).map((l) => l.trimEnd());
  return kept.length === 0 ? '' : kept.join('\n') + '\n';
}

function classify(tag: string, language: Language): TagClass {
  if (tag === '') return 'untagged';
  const tags = FENCE_TAGS[language];
  // Versioned tags: python3.11, c++17, cpp20.
  const unversioned = tag.replace(/[\d.]+$/, '');
  if (tags.includes(tag) || (unversioned !== '' && tags.includes(unversioned))) return 'match';
  if (DATA_TAGS.has(tag)) return 'data';
  return 'other';
}

const POOL_NAME: Record<Exclude<TagClass, 'data'>, (label: string) => string> = {
  match: (label) => `${label} code blocks`,
  untagged: () => 'untagged code blocks',
  other: () => 'code blocks in other languages',
};

export function extractProgram(answer: string, language: Language): ExtractedProgram {
  const label = LANGUAGE_LABEL[language];
  const notes: string[] = [];
  const issues: ExtractionIssue[] = [];
  const note = (issue: ExtractionIssue, text: string): void => {
    issues.push(issue);
    notes.push(text);
  };
  const all = readBlocks(answer);
  const blocks = all.filter((b) => b.body !== '');

  for (const kind of ['match', 'untagged', 'other'] as const) {
    const pool = blocks.filter((b) => classify(b.tag, language) === kind);
    const chosen = pool[pool.length - 1];
    if (!chosen) continue;
    if (kind === 'untagged') note('untagged', `The code block has no language tag; it was taken as ${label}.`);
    if (kind === 'other') note('other-language', `No ${label} code block was found; used the block tagged '${chosen.tag}' instead.`);
    if (pool.length > 1) note('several-blocks', `The answer has ${pool.length} ${POOL_NAME[kind](label)}; the last one was used.`);
    if (!chosen.closed) note('unclosed-block', 'The last code block is not closed; the code was taken to the end of the answer.');
    return { program: chosen.body, notes, issues };
  }

  if (answer.trim() === '') note('empty-answer', 'The answer is empty.');
  else if (blocks.length > 0) note('data-blocks-only', `The answer has no ${label} code block, only data blocks.`);
  else if (all.length > 0) note('empty-blocks', 'The answer has only empty code blocks.');
  else note('no-block', 'The answer contains no code block.');
  return { program: null, notes, issues };
}
