/**
 * Legacy Kattis statements are LaTeX (`problem.en.tex`). We show statements as Markdown with
 * `$…$` math, so translate the handful of structural commands those files use and leave the
 * math alone for KaTeX. Anything unknown passes through as text: readable beats lossless here.
 * Figures (`\includegraphics[…]{file}`, problemtools' `\illustration{width}{file}{caption}`)
 * become Markdown images of the package's file (statementImages.ts resolves them).
 */
export function latexStatementToMarkdown(tex: string): { title: string | undefined; markdown: string } {
  const title = /\\problemname\{([^}]*)\}/.exec(tex)?.[1]?.trim();
  const markdown = tex
    .replace(/^%.*$/gm, '')
    .replace(/\\problemname\{[^}]*\}/g, '')
    .replace(/\\illustration\{[^}]*\}\{([^}]*)\}\{([^}]*)\}/g, (_, file: string, caption: string) => `\n${markdownImage(file, caption)}\n`)
    .replace(/\\includegraphics(?:\[[^\]]*\])?\{([^}]*)\}/g, (_, file: string) => markdownImage(file, ''))
    .replace(/\\(?:begin|end)\{(?:problem|document)\}(?:\{[^}]*\})*/g, '')
    .replace(/\\(?:sub)?section\*?\{([^}]*)\}/g, '\n## $1\n')
    .replace(/\\(?:textbf|emph|textit)\{([^}]*)\}/g, '*$1*')
    .replace(/\\texttt\{([^}]*)\}/g, '`$1`')
    .replace(/\\begin\{(?:itemize|enumerate)\}|\\end\{(?:itemize|enumerate)\}/g, '')
    .replace(/^\s*\\item\s*/gm, '- ')
    .replace(/\n{3,}/g, '\n\n');
  return { title, markdown };
}

/** `![alt](<file>)`: the angle brackets let a file name hold spaces; brackets in the alt text would end it. */
function markdownImage(file: string, alt: string): string {
  return `![${alt.replace(/[[\]]/g, '').trim()}](<${file.trim().replace(/[<>]/g, '')}>)`;
}
