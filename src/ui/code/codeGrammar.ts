/** The CodeMirror grammar for a language, each loaded only when a program in it is shown. */
import type { Extension } from '@codemirror/state';
import type { Language } from '../../core/problem/language';

export async function grammarFor(language: Language | 'plain'): Promise<Extension> {
  if (language === 'cpp') return (await import('@codemirror/lang-cpp')).cpp();
  if (language === 'python') return (await import('@codemirror/lang-python')).python();
  return [];
}
