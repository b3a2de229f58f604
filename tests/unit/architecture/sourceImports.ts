/**
 * The repository's own source files and the relative imports each makes (type-only ones included),
 * read from the text: shared by the import-rule and import-cycle tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const root = resolve(new URL('../../../', import.meta.url).pathname);

/** .ts and .svelte files under `dir` (a repository path), declaration files left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Relative import specifiers of a file (static, dynamic, re-exports), resolved to repository paths without guessing extensions. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"?]+)/g)].map((m) => m[1]!);
  return specs.map((spec) => relative(root, resolve(root, dirname(file), spec)));
}

/** The file an import resolves to, the way Vite and tsx find it (`./x` → x.ts, `./x.svelte` → x.svelte or x.svelte.ts). */
export function importedFile(target: string): string | undefined {
  const isFile = (path: string): boolean => existsSync(join(root, path)) && statSync(join(root, path)).isFile();
  return [target, `${target}.ts`, `${target}/index.ts`].find(isFile);
}
