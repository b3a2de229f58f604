/**
 * The layout's import rules (docs/architecture.md), checked on every source file: imports run
 * downward only — ui → engines/webllm/exec → core — and inside core, from a later stage of the
 * data flow to an earlier one, never back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('../../../', import.meta.url).pathname);

/** Stages of src/core in data-flow order. */
const CORE_STAGES = ['problem', 'chat', 'modelOutput', 'judging', 'selection', 'metrics', 'record', 'pipeline'];

/** What each top-level area may import, besides itself and packages. */
const MAY_IMPORT: Record<string, string[]> = {
  'src/core': [],
  'src/engines': ['src/core'],
  'src/webllm': ['src/core', 'src/engines', 'models'],
  'src/exec': ['src/core'],
  'src/cli': ['src/core', 'src/engines', 'src/exec'],
  'src/ui': ['src/core', 'src/engines', 'src/webllm', 'src/exec'],
  'workers/browser': ['src/core', 'src/exec'],
  'workers/node': ['src/core', 'src/exec'],
  /** The build compiles the precompiled header with the browser's own compiler and flags. */
  build: ['src/exec'],
  /** Data only: the model catalog. */
  models: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function areaOf(path: string): string | undefined {
  return Object.keys(MAY_IMPORT).find((area) => path === area || path.startsWith(`${area}/`));
}

/** Relative import specifiers of a file, resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"?]+)/g)].map((m) => m[1]!);
  return specs.map((spec) => relative(root, resolve(root, dirname(file), spec)));
}

const files = Object.keys(MAY_IMPORT).flatMap(sourceFiles);

describe('import rules', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('each area imports only the areas below it', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = areaOf(file)!;
      for (const target of importsOf(file)) {
        const to = areaOf(target);
        if (to === from) continue;
        if (!to || !MAY_IMPORT[from]!.includes(to)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('inside src/core, a stage imports only itself and earlier stages', () => {
    const stage = (path: string): number => CORE_STAGES.indexOf(path.split('/')[2] ?? '');
    const broken: string[] = [];
    for (const file of files.filter((f) => f.startsWith('src/core/'))) {
      expect(stage(file), `${file} is in no stage`).toBeGreaterThanOrEqual(0);
      for (const target of importsOf(file)) {
        if (stage(target) > stage(file)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the pure core touches no browser or Node API by import', () => {
    const impure = files
      .filter((f) => f.startsWith('src/core/'))
      .filter((f) => /from\s+['"](node:|svelte|@mlc-ai|pyodide|@yowasp)/.test(readFileSync(join(root, f), 'utf8')));
    expect(impure).toEqual([]);
  });
});
