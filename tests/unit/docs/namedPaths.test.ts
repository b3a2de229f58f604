/**
 * Docs that cannot drift: every repository path that README.md, CONTRIBUTING.md, docs/*.md or a
 * comment in a source file names exists, every relative link in the docs reaches its file, and every
 * `npm run <script>` they name is a script in package.json. A rename that forgets a mention fails
 * here, with the file and the stale name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentsOf, namedPaths, namedScripts } from './pathMentions';

const root = resolve(new URL('../../../', import.meta.url).pathname);

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)].filter(
  (f) => f.endsWith('.md') && existsSync(join(root, f)),
);
const SOURCE_DIRS = ['src', 'workers', 'build', 'bench', 'scripts', 'tests', 'bin', '.ci'];
const SOURCES = SOURCE_DIRS.flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte|mjs|js|py|sh)$|^run$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => relative(root, join(e.parentPath, e.name))),
).concat(['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'package.json']);

const read = (file: string): string => readFileSync(join(root, file), 'utf8');
/** What a reader is told: a doc's whole text, a source file's comments. */
const prose = (file: string): string => (file.endsWith('.md') ? read(file) : commentsOf(file, read(file)));

describe('paths and scripts the docs and comments name', () => {
  it('reads the docs and the sources', () => {
    expect(DOCS).toContain('README.md');
    expect(DOCS.length).toBeGreaterThan(5);
    expect(SOURCES.length).toBeGreaterThan(300);
  });

  it('every repository path named exists', () => {
    const missing = [...DOCS, ...SOURCES].flatMap((file) =>
      namedPaths(prose(file))
        .filter((p) => !existsSync(join(root, p)))
        .map((p) => `${file}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('every relative link in the docs reaches a file', () => {
    const broken = DOCS.flatMap((doc) =>
      // Code spans are examples of syntax (`![alt](file)`), not links.
      [
        ...read(doc)
          .replace(/`[^`\n]*`/g, '')
          .matchAll(/\]\((?!https?:|mailto:|#)([^)#\s]+)/g),
      ]
        .map((m) => m[1]!)
        .filter((target) => !existsSync(resolve(root, dirname(doc), target)))
        .map((target) => `${doc}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('every `npm run` script named exists', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const unknown = [...DOCS, ...SOURCES].flatMap((file) =>
      namedScripts(prose(file))
        .filter((s) => !scripts.includes(s))
        .map((s) => `${file}: npm run ${s}`),
    );
    expect(unknown).toEqual([]);
  });
});
