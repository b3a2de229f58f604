/**
 * The layout's import rules (docs/architecture.md), checked on every source file: imports run
 * downward only — ui → engines/webllm/exec → core — and inside core, from a later stage of the
 * data flow to an earlier one, never back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, root, sourceFiles } from './sourceImports';

/** Stages of src/core in data-flow order; `archive` reads what is handed in (a zip) before any of them. */
const CORE_STAGES = ['archive', 'problem', 'chat', 'modelOutput', 'judging', 'selection', 'metrics', 'record', 'pipeline', 'results'];

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

function areaOf(path: string): string | undefined {
  return Object.keys(MAY_IMPORT).find((area) => path === area || path.startsWith(`${area}/`));
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

/**
 * src/exec by environment: `browser/` and `node/` hold what runs in only one of them; a concern
 * that spans both (clangCaches/, pyodideSnapshot/) keeps its one-environment adapters beside its
 * shared code, each named for its environment (`browser…`, `node…`). Everything else runs in both.
 */
function environmentOf(file: string): 'browser' | 'node' | 'shared' {
  const [, , folder, name = ''] = file.split('/');
  if (folder === 'browser' || name.startsWith('browser')) return 'browser';
  if (folder === 'node' || name.startsWith('node')) return 'node';
  return 'shared';
}

describe('src/exec by environment', () => {
  const execFiles = files.filter((f) => f.startsWith('src/exec/'));

  it('shared code imports neither environment, and neither environment imports the other', () => {
    const broken: string[] = [];
    for (const file of execFiles) {
      const from = environmentOf(file);
      for (const target of importsOf(file).filter((t) => t.startsWith('src/exec/'))) {
        const to = environmentOf(target);
        if (to !== 'shared' && to !== from) broken.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('only Node code imports Node built-ins', () => {
    const misplaced = execFiles
      .filter((f) => environmentOf(f) !== 'node')
      .filter((f) => /from\s+['"]node:/.test(readFileSync(join(root, f), 'utf8')));
    expect(misplaced).toEqual([]);
  });
});
