/**
 * Problem statements are Markdown with `$…$` / `$$…$$` math, and they may come from any imported
 * package, so the HTML is sanitised before it reaches the page (statementSanitizer.ts). Math is
 * cut out before Markdown runs (so `_` and `*` inside formulas stay math) and typeset by KaTeX;
 * the typeset math goes back in after sanitising, and only into text: a formula that landed in an
 * attribute (a link's title, say) goes back as its source text. Images show the package's own
 * files through `images` (statementImageUrls.ts), or a note.
 */
import katex from 'katex';
import { marked } from 'marked';
import { sanitizeStatementHtml, type ImageSource } from './statementSanitizer';

const MATH = /\\\$|\$\$([\s\S]+?)\$\$|\$((?:\\.|[^$\\\n])+?)\$/g;
const SLOT = /CLMATHSLOT(\d+)END/g;
const placeholder = (i: number): string => `CLMATHSLOT${i}END`;

/**
 * KaTeX's own limits for untrusted input: no `\href`, `\url`, `\includegraphics` or `\htmlStyle`
 * (trust is off: they show as an error in red), and sizes a formula may ask for kept to the page.
 */
const KATEX_OPTIONS = { throwOnError: false, output: 'htmlAndMathml', trust: false, maxSize: 20, maxExpand: 1000 } as const;

interface Formula {
  /** What the statement wrote, `$` signs included. */
  source: string;
  html: string;
}

export function renderStatement(markdown: string, images?: ImageSource): string {
  const formulas: Formula[] = [];
  const withSlots = markdown.replace(MATH, (whole, display: string | undefined, inline: string | undefined) => {
    const html =
      whole === '\\$'
        ? '$'
        : katex.renderToString((display ?? inline ?? '').trim(), { ...KATEX_OPTIONS, displayMode: display !== undefined });
    formulas.push({ source: whole === '\\$' ? '$' : whole, html });
    return placeholder(formulas.length - 1);
  });
  const fragment = sanitizeStatementHtml(marked.parse(withSlots, { async: false, gfm: true }), images);
  putBackMath(fragment, formulas);
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

function putBackMath(fragment: DocumentFragment, formulas: Formula[]): void {
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      if (node.data.includes('CLMATHSLOT')) texts.push(node);
    } else if (node instanceof Element) {
      for (const attribute of node.attributes)
        attribute.value = attribute.value.replace(SLOT, (_, i: string) => formulas[Number(i)]?.source ?? '');
    }
  }
  for (const text of texts) text.replaceWith(typesetText(text.data, formulas));
}

/** `text` with each placeholder replaced by its typeset formula. */
function typesetText(text: string, formulas: Formula[]): DocumentFragment {
  const template = document.createElement('template');
  const parts = text.split(SLOT);
  // split with a capture group alternates text and formula indexes: text, i, text, i, …, text
  parts.forEach((part, n) => {
    if (n % 2 === 0) template.content.append(part);
    else {
      const math = document.createElement('template');
      math.innerHTML = formulas[Number(part)]?.html ?? '';
      template.content.append(math.content);
    }
  });
  return template.content;
}
