import { describe, expect, it } from 'vitest';
import { languageName, problemNotes } from '../../../../src/core/problem/problemNotes';

describe('problemNotes', () => {
  it('says nothing for an English pass-fail problem', () => {
    expect(problemNotes({ statement: 'Add.', statementLanguage: 'en' })).toEqual([]);
    expect(problemNotes({ statement: 'Add.' })).toEqual([]);
  });

  it('names a statement language other than English, or says there is no statement', () => {
    expect(problemNotes({ statement: 'Addera.', statementLanguage: 'sv' }).map((n) => n.text)).toEqual([
      'The statement is in Swedish (sv): the package has no English one.',
    ]);
    expect(problemNotes({ statement: '  ' }).map((n) => n.kind)).toEqual(['no-statement']);
  });

  it('says a scoring problem is judged pass-fail', () => {
    expect(problemNotes({ statement: 'x', scoring: true }).map((n) => n.kind)).toEqual(['scoring']);
  });

  it('leaves a code it cannot name as the code', () => {
    expect(languageName('nl')).toBe('Dutch');
    expect(languageName('qqq')).toBe('qqq');
  });
});
