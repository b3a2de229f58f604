/**
 * Finding the repository paths and npm scripts a text names. A path is a run of path characters
 * that starts at a top-level folder of the repository (`src/…`, `docs/…`), or a file path that
 * starts at an area of src/ (`exec/runtime/cppCompiler.ts`, read as `src/exec/runtime/cppCompiler.ts`; without a file
 * name such a run is as often a list, `engines/webllm/exec`, or a cache scope, `webllm/model`), not
 * inside a URL or a longer path. Templates and globs (`${id}`, `*`, `<name>`, `{a,b}`) are
 * patterns, not paths, and are left out.
 */
const TOP = ['src', 'workers', 'build', 'bench', 'scripts', 'tests', 'docs', 'public', 'models', 'schemas', 'bin', '.ci'];
const SRC_AREAS = ['core', 'engines', 'webllm', 'exec', 'ui', 'cli'];

const PATH = new RegExp(`(?<![\\w./@:~-])(${[...TOP, ...SRC_AREAS].map((t) => t.replace('.', '\\.')).join('|')})/[\\w./\\-\${}*<>]*`, 'g');

/** Repository paths named in `text` (src/ areas resolved to src/…), without trailing punctuation. */
export function namedPaths(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PATH)) {
    const path = match[0].replace(/[.]+$/, '');
    if (/[$*<>{}]/.test(path) || path.includes('//')) continue;
    const top = match[1]!;
    if (!SRC_AREAS.includes(top)) found.add(path);
    else if (/\.\w+$/.test(path)) found.add(`src/${path}`);
  }
  return [...found];
}

/** Names of the scripts `npm run <name>` calls in `text`. */
export function namedScripts(text: string): string[] {
  return [...new Set([...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!))];
}

/** The comments of a source file (JavaScript/TypeScript/Svelte block, line and HTML comments; Python and shell `#` lines). */
export function commentsOf(file: string, text: string): string {
  if (/\.(py|sh)$|(^|\/)run$/.test(file)) return [...text.matchAll(/#[^\n]*/g)].map((m) => m[0]).join('\n');
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`])\/\/[^\n]*|<!--[\s\S]*?-->/g)].map((m) => m[0]).join('\n');
}
