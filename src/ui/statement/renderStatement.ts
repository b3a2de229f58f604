/**
 * Problem statements are Markdown with `$…$` / `$$…$$` math, and they may come from any imported
 * package, so the HTML is sanitised before it reaches the page. Math is cut out before Markdown
 * runs (so `_` and `*` inside formulas stay math), typeset by KaTeX, and put back.
 */
import DOMPurify from 'dompurify';
import katex from 'katex';
import { marked } from 'marked';

const MATH = /\\\$|\$\$([\s\S]+?)\$\$|\$((?:\\.|[^$\\\n])+?)\$/g;
const placeholder = (i: number): string => `CLMATHSLOT${i}END`;

export function renderStatement(markdown: string): string {
  const slots: string[] = [];
  const withSlots = markdown.replace(MATH, (whole, display: string | undefined, inline: string | undefined) => {
    const html =
      whole === '\\$'
        ? '$'
        : katex.renderToString((display ?? inline ?? '').trim(), { displayMode: display !== undefined, throwOnError: false, output: 'htmlAndMathml' });
    slots.push(html);
    return placeholder(slots.length - 1);
  });
  const html = marked.parse(withSlots, { async: false, gfm: true });
  const filled = html.replace(/CLMATHSLOT(\d+)END/g, (_, i: string) => slots[Number(i)] ?? '');
  return DOMPurify.sanitize(filled);
}
