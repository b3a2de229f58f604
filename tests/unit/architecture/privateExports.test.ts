/**
 * An export is a promise to other files; one that no other file imports only widens what a reader
 * must keep in mind. Every name a source file exports is imported by some other file — a source
 * file, a test, a benchmark or a script — else it is made private. Found by reading the text:
 * another file that imports from this one and names the export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedFile, importsOf, root, sourceFiles } from './sourceImports';

/** Where exports are checked; workers/ are entry points, whose exports their loaders use. */
const DEFINERS = ['src', 'build'];
const USERS = [...DEFINERS, 'workers', 'tests', 'bench', 'scripts'];
/**
 * Not checked yet: folders and files that were being reworked when this check came in. Remove a line
 * once its exports are private; the test lists what is left.
 */
const NOT_YET = [
  'src/ui/',
  'src/cli/',
  'src/exec/node/',
  'src/exec/runtime/',
  'src/core/judging/',
  'src/exec/judgeSubmission.ts',
  'src/exec/languageSessions.ts',
  'src/exec/customValidation.ts',
];
/** Entry points outside those folders that import from them. */
const CONFIGS = ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'bin/critique-lab.mjs'];

/** Names a file exports by declaration or in an export list (default exports and re-exports aside). */
export function exportedNames(text: string): string[] {
  const declared = [
    ...text.matchAll(
      /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|abstract\s+class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
    ),
  ].map((m) => m[1]!);
  const listed = [...text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}\s*;/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .replace(/^type\s+/, ''),
      )
      .filter(Boolean),
  );
  return [...declared, ...listed];
}

describe('exports', () => {
  it('reads exported names from declarations and export lists', () => {
    expect(
      exportedNames('export const A = 1;\nexport async function b() {}\nexport type C = 1;\nconst d = 1;\nexport { d as e };\n'),
    ).toEqual(['A', 'b', 'C', 'e']);
  });

  it('every exported name is imported by another file', () => {
    const users = [...USERS.flatMap(sourceFiles), ...CONFIGS];
    const importers = new Map<string, string[]>();
    for (const user of users) {
      for (const target of importsOf(user)) {
        const file = importedFile(target);
        if (file) importers.set(file, [...(importers.get(file) ?? []), user]);
      }
    }
    const unused: string[] = [];
    const checked = DEFINERS.flatMap(sourceFiles).filter((f) => f.endsWith('.ts') && !NOT_YET.some((n) => f.startsWith(n)));
    expect(checked.length).toBeGreaterThan(80);
    for (const file of checked) {
      const texts = (importers.get(file) ?? []).filter((u) => u !== file).map((u) => readFileSync(join(root, u), 'utf8'));
      for (const name of exportedNames(readFileSync(join(root, file), 'utf8'))) {
        if (!texts.some((t) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(t))) unused.push(`${file}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
