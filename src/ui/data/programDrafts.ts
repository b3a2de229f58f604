/**
 * The Judge view's drafts: the program last typed for each problem and language, kept in
 * localStorage so a reload (or a visit next week) brings back what the student wrote.
 */
import type { Language } from '../../core/problem/language';

export class ProgramDrafts {
  constructor(private readonly prefix: string) {}

  private key(problemId: string, language: Language): string {
    return `${this.prefix}/${problemId}/${language}`;
  }

  /** The saved draft, or null when there is none (or storage cannot be read). */
  load(problemId: string, language: Language): string | null {
    try {
      return localStorage.getItem(this.key(problemId, language));
    } catch {
      return null;
    }
  }

  /**
   * Saves the draft. Storage full or refused (private browsing) keeps the text on screen: the
   * draft is only not remembered, which is why the error is not raised to the student.
   */
  save(problemId: string, language: Language, text: string): void {
    try {
      localStorage.setItem(this.key(problemId, language), text);
    } catch {
      // see above: the text stays in the editor
    }
  }
}
