/**
 * Read-only syntax-highlighted program views (CodeMirror 6). Loaded on first use, so the first
 * screen does not wait for the editor and its language grammars.
 */
import type { Language } from '../../core/problem/language';
import { INLINE_STYLE_NONCE } from '../inlineStyleNonce';

export interface CodeViewHandle {
  setText(text: string): void;
  destroy(): void;
}

export async function mountCodeView(parent: HTMLElement, text: string, language: Language, label: string): Promise<CodeViewHandle> {
  const [{ EditorState }, { EditorView, lineNumbers }, { syntaxHighlighting }, { codeHighlightStyle }, grammar] = await Promise.all([
    import('@codemirror/state'),
    import('@codemirror/view'),
    import('@codemirror/language'),
    import('./codeHighlightStyle'),
    import('./codeGrammar').then((m) => m.grammarFor(language)),
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        // Its theme goes into an inline <style>, which the page's policy admits only with this.
        EditorView.cspNonce.of(INLINE_STYLE_NONCE),
        lineNumbers(),
        grammar,
        syntaxHighlighting(codeHighlightStyle),
      ],
    }),
  });
  return {
    setText(next) {
      if (next !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    destroy: () => view.destroy(),
  };
}
