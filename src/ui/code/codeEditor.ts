/**
 * An editable CodeMirror 6 editor for programs (Judge view) and test data (problem editor):
 * line numbers, highlighting for the language, auto-indent, Tab indents, bracket matching, undo.
 * Loaded on first use like the read-only view, so the first screen does not wait for it.
 *
 * Tab indents instead of leaving the field; CodeMirror's own escape hatch for keyboard users
 * stays: Escape, then Tab, moves focus on (the editor's aria-describedby says so).
 */
import type { Language } from '../../core/problem/language';
import { INLINE_STYLE_NONCE } from '../inlineStyleNonce';

/** `plain`: test data and other text that is not a program (no grammar, no auto-indent rules). */
export type EditorLanguage = Language | 'plain';

export interface CodeEditorOptions {
  text: string;
  language: EditorLanguage;
  /** The editable area's accessible name. */
  label: string;
  /** Extra attributes for the editable area (a test id, aria-describedby). */
  attributes?: Record<string, string>;
  onChange: (text: string) => void;
  /** Ctrl/Cmd-Enter: what the editor's surroundings run (judge the program); absent, the keys do nothing. */
  onRun?: () => void;
}

export interface CodeEditorHandle {
  setText(text: string): void;
  setLanguage(language: EditorLanguage): void;
  destroy(): void;
}

export async function mountCodeEditor(parent: HTMLElement, options: CodeEditorOptions): Promise<CodeEditorHandle> {
  const [{ EditorState, Compartment }, view, language, commands, { codeHighlightStyle }, { grammarFor }] = await Promise.all([
    import('@codemirror/state'),
    import('@codemirror/view'),
    import('@codemirror/language'),
    import('@codemirror/commands'),
    import('./codeHighlightStyle'),
    import('./codeGrammar'),
  ]);
  const { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } = view;
  const grammar = new Compartment();
  const editor = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        // The page's policy admits CodeMirror's inline theme element only with this page load's nonce.
        EditorView.cspNonce.of(INLINE_STYLE_NONCE),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        commands.history(),
        language.indentOnInput(),
        language.bracketMatching(),
        language.syntaxHighlighting(codeHighlightStyle),
        grammar.of(await grammarFor(options.language)),
        EditorState.tabSize.of(4),
        language.indentUnit.of('    '),
        keymap.of([
          { key: 'Mod-Enter', run: () => (options.onRun ? (options.onRun(), true) : false) },
          commands.indentWithTab,
          ...commands.defaultKeymap,
          ...commands.historyKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': options.label, ...options.attributes }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(next) {
      if (next !== editor.state.doc.toString()) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: next } });
    },
    setLanguage(next) {
      void grammarFor(next).then((extension) => editor.dispatch({ effects: grammar.reconfigure(extension) }));
    },
    destroy: () => editor.destroy(),
  };
}
