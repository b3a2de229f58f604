/**
 * Which statement of a package is shown, and in which language. Packages as they exist are often
 * written in one language only (`problem_statement/problem.sv.tex`), or have no statement at all
 * (course problems whose text lives elsewhere): neither keeps a package from being judged. English
 * is preferred, then a statement that names no language, then any other language (Markdown before
 * LaTeX, languages in code order); with none, the statement is empty and the app says so.
 */
import { latexStatementToMarkdown } from './latexStatement';
import { substituteConstants, substituteLatexConstants, type ProblemConstants } from './problemConstants';

const STATEMENT_DIRS = ['statement', 'problem_statement'];
const STATEMENT_FILE = /^(?:statement|problem_statement)\/problem(?:\.([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]+)*))?\.(md|tex)$/;

interface PackageStatement {
  /** Markdown (LaTeX converted); empty when the package has no statement. */
  markdown: string;
  /** The language code the statement's file names (`sv` for problem.sv.tex); absent when it names none. */
  language?: string;
  /** The title a LaTeX statement gives (`\problemname{…}`). */
  latexTitle?: string;
  /** The file shown, relative to the package root; absent when there is none. */
  path?: string;
}

interface Candidate {
  path: string;
  language?: string;
  format: 'md' | 'tex';
}

function rank(candidate: Candidate): [number, number, string] {
  const languageRank = candidate.language === 'en' ? 0 : candidate.language === undefined ? 1 : 2;
  return [
    languageRank,
    candidate.format === 'md' ? 0 : 1,
    `${candidate.language ?? ''} ${STATEMENT_DIRS.indexOf(candidate.path.split('/')[0]!)}`,
  ];
}

function compare(a: Candidate, b: Candidate): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
}

export function readPackageStatement(files: ReadonlyMap<string, string>, constants: ProblemConstants): PackageStatement {
  const candidates: Candidate[] = [];
  for (const path of files.keys()) {
    const match = STATEMENT_FILE.exec(path);
    if (match) candidates.push({ path, format: match[2] as 'md' | 'tex', ...(match[1] ? { language: match[1].toLowerCase() } : {}) });
  }
  const chosen = candidates.sort(compare)[0];
  if (!chosen) return { markdown: '' };
  const raw = files.get(chosen.path)!;
  const language = chosen.language ? { language: chosen.language } : {};
  if (chosen.format === 'md') return { markdown: substituteConstants(raw, constants).trim(), path: chosen.path, ...language };
  const { title, markdown } = latexStatementToMarkdown(substituteLatexConstants(raw, constants));
  return { markdown: markdown.trim(), path: chosen.path, ...language, ...(title ? { latexTitle: title } : {}) };
}
