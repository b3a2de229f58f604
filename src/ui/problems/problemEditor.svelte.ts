/**
 * The problem editor's form: a draft being written (title, Markdown statement, limits, tests) and
 * which stored problem it edits, if any. Saving goes through the library, as a package.
 */
import type { DraftTest, ProblemDraft } from '../../core/problem/problemDraft';

const BLANK: ProblemDraft = {
  title: '',
  statement: 'Describe the task.\n\n## Input\n\n…\n\n## Output\n\n…\n',
  timeSeconds: 1,
  memoryMiB: 256,
  tests: [{ group: 'sample', input: '', answer: '' }],
};

export class ProblemEditorState {
  open = $state(false);
  /** The stored problem being edited; undefined for a new one. */
  editing = $state<string | undefined>(undefined);
  draft = $state<ProblemDraft>(structuredClone(BLANK));

  start(draft?: ProblemDraft, id?: string): void {
    this.draft = structuredClone(draft ?? BLANK);
    this.editing = id;
    this.open = true;
  }

  close(): void {
    this.open = false;
    this.editing = undefined;
  }

  addTest(group: DraftTest['group']): void {
    this.draft.tests.push({ group, input: '', answer: '' });
  }

  removeTest(index: number): void {
    this.draft.tests.splice(index, 1);
  }
}
