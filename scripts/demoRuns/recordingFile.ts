/**
 * Reads one hand-written recording (scripts/demoRuns/<id>.md) into the HandwrittenRun the builder
 * takes. The file is Markdown with YAML front matter (id, problem, caption, language, k, m, seed,
 * createdAt), then for each candidate:
 *
 *     # Candidate 1
 *     ## Generation reasoning      (the text inside <think>)
 *     ## Generation answer         (the text after </think>, ending in the program's code block)
 *     ## Critique 1 reasoning
 *     ## Critique 1 answer         (ends in <judgment>right</judgment> or <judgment>wrong</judgment>)
 *     …                            (m critiques)
 *
 * Each text is plain, exactly as the model would stream it, with one blank line around it. A code
 * block written as ```python file=submissions/accepted/x.py (and nothing inside) stands for that
 * program of the problem's package, so a program kept in submissions/ is written once.
 */
import { parse as parseYaml } from 'yaml';
import { LANGUAGES, type Language } from '../../src/core/problem/language';
import type { HandwrittenCandidate, HandwrittenReply, HandwrittenRun } from './handwrittenRun';

const HEADING = /^(?:# Candidate (\d+)|## (?:Generation|Critique (\d+)) (reasoning|answer))$/;
const PROGRAM_REFERENCE = /^```(\w+) file=(\S+)\n```$/gm;

interface FrontMatter {
  id: string;
  problem: string;
  caption: string;
  language: Language;
  k: number;
  m: number;
  seed: number;
  createdAt: string;
}

function frontMatter(yaml: string, name: string): FrontMatter {
  const data = parseYaml(yaml) as Record<string, unknown>;
  for (const key of ['id', 'problem', 'caption', 'createdAt'] as const) {
    if (typeof data[key] !== 'string') throw new Error(`${name}: front matter needs a text "${key}"`);
  }
  for (const key of ['k', 'm', 'seed'] as const) {
    if (!Number.isInteger(data[key])) throw new Error(`${name}: front matter needs a whole number "${key}"`);
  }
  if (!LANGUAGES.includes(data.language as Language))
    throw new Error(`${name}: front matter "language" must be one of ${LANGUAGES.join(', ')}`);
  return data as unknown as FrontMatter;
}

/** The texts under each heading, in order; a heading out of place is an error naming its line. */
function sections(body: string, name: string): { heading: RegExpExecArray; text: string; line: number }[] {
  const lines = body.split('\n');
  const found: { heading: RegExpExecArray; start: number; line: number }[] = [];
  lines.forEach((line, i) => {
    const heading = HEADING.exec(line);
    if (heading) found.push({ heading, start: i + 1, line: i + 1 });
  });
  if (found.length === 0) throw new Error(`${name}: no "# Candidate 1" heading`);
  return found.map((f, i) => {
    const end = found[i + 1] ? found[i + 1]!.line - 1 : lines.length;
    // One blank line after the heading and before the next one frame the text; nothing else is trimmed.
    const text = lines.slice(f.start, end).join('\n').replace(/^\n/, '').replace(/\n+$/, '');
    return { heading: f.heading, text, line: f.line };
  });
}

/**
 * The recording as written: generation answers still hold their program references
 * (withIncludedPrograms replaces them).
 */
export function parseRecordingFile(text: string, name: string): HandwrittenRun {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (!match) throw new Error(`${name}: must start with YAML front matter between --- lines`);
  const meta = frontMatter(match[1]!, name);
  const candidates: HandwrittenCandidate[] = [];
  let reply: Partial<HandwrittenReply> & { owner?: string } = {};
  let generationDone = false;
  const bodyStart = match[1]!.split('\n').length + 2; // the front matter and its two --- lines
  for (const { heading, text: section, line } of sections(match[2]!, name)) {
    const [, candidate, critique, part] = heading;
    const where = `${name}:${bodyStart + line}`;
    if (candidate) {
      if (Number(candidate) !== candidates.length + 1) throw new Error(`${where}: expected "# Candidate ${candidates.length + 1}"`);
      if (reply.owner || (candidates.length > 0 && !generationDone)) throw new Error(`${where}: the candidate before is unfinished`);
      candidates.push({ generation: { reasoning: '', answer: '' }, critiques: [] });
      generationDone = false;
      continue;
    }
    const current = candidates.at(-1);
    if (!current) throw new Error(`${where}: a section before "# Candidate 1"`);
    // Critique n's sections must come n-th; the generation's come before any critique.
    const owner = critique ?? 'generation';
    const expected =
      reply.owner ?? (current.critiques.length === 0 && !generationDone ? 'generation' : String(current.critiques.length + 1));
    if (owner !== expected)
      throw new Error(`${where}: expected the ${expected === 'generation' ? 'generation' : `critique ${expected}`} section here`);
    if (part === 'reasoning') {
      if (reply.owner) throw new Error(`${where}: a reasoning section after a reasoning without its answer`);
      reply = { owner, reasoning: section };
    } else if (reply.reasoning === undefined) {
      throw new Error(`${where}: an answer without its reasoning section before it`);
    } else if (critique) {
      current.critiques.push({ reasoning: reply.reasoning, answer: section });
      reply = {};
    } else {
      current.generation = { reasoning: reply.reasoning, answer: section };
      generationDone = true;
      reply = {};
    }
  }
  if (reply.owner || (candidates.length > 0 && !generationDone)) throw new Error(`${name}: the last candidate is unfinished`);
  if (candidates.length !== meta.k)
    throw new Error(`${name}: front matter says k = ${meta.k}, the file has ${candidates.length} candidates`);
  const short = candidates.findIndex((c) => c.critiques.length !== meta.m);
  if (short >= 0) throw new Error(`${name}: candidate ${short + 1} has ${candidates[short]!.critiques.length} critiques, m = ${meta.m}`);
  return {
    id: meta.id,
    problemId: meta.problem,
    caption: meta.caption,
    language: meta.language,
    m: meta.m,
    seed: meta.seed,
    createdAt: meta.createdAt,
    candidates,
  };
}

/** Each ```tag file=path block replaced by that program of the problem's package, fenced as a model writes it. */
export async function withIncludedPrograms(run: HandwrittenRun, readProgram: (path: string) => Promise<string>): Promise<HandwrittenRun> {
  const candidates = await Promise.all(
    run.candidates.map(async (candidate) => {
      let answer = candidate.generation.answer;
      for (const [reference, tag, path] of [...answer.matchAll(PROGRAM_REFERENCE)]) {
        answer = answer.replace(reference, `\`\`\`${tag}\n${(await readProgram(path!)).trim()}\n\`\`\``);
      }
      return { ...candidate, generation: { ...candidate.generation, answer } };
    }),
  );
  return { ...run, candidates };
}
