/**
 * What a reader of a problem should know about how this package is shown and judged here, in
 * plain sentences: a statement in another language than English, no statement at all, a scoring
 * problem judged pass-fail. One wording for the CLI (`critique-lab judge`) and the app.
 */
import type { Problem } from './problem';

type ProblemNoteKind = 'statement-language' | 'no-statement' | 'scoring';

interface ProblemNote {
  kind: ProblemNoteKind;
  text: string;
}

/** `sv` → `Swedish`; a code the platform cannot name stays a code. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

export function problemNotes(problem: Pick<Problem, 'statement' | 'statementLanguage' | 'scoring'>): ProblemNote[] {
  const notes: ProblemNote[] = [];
  if (!problem.statement.trim()) {
    notes.push({ kind: 'no-statement', text: 'This package has no statement: it is judged on its tests alone.' });
  } else if (problem.statementLanguage && problem.statementLanguage !== 'en') {
    notes.push({
      kind: 'statement-language',
      text: `The statement is in ${languageName(problem.statementLanguage)} (${problem.statementLanguage}): the package has no English one.`,
    });
  }
  if (problem.scoring) {
    notes.push({
      kind: 'scoring',
      text: 'A scoring problem, judged pass-fail here: a submission is accepted only when every test group passes; partial scores are not given.',
    });
  }
  return notes;
}
