/**
 * No two source files import each other, directly or through others — type-only imports included:
 * a circle means neither file can be read (or moved) without the other, so one concept is split
 * across both. Found with Tarjan's strongly connected components over the import graph.
 */
import { describe, expect, it } from 'vitest';
import { importedFile, importsOf, sourceFiles } from './sourceImports';

const AREAS = ['src', 'workers', 'build', 'bench', 'scripts'];

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of AREAS.flatMap(sourceFiles)) {
    const targets = importsOf(file)
      .map(importedFile)
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Groups of two or more files that reach each other through imports (or one file importing itself). */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.includes(file)) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe('import cycles', () => {
  it('finds a circle where there is one, through a longer path and through a self-import', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCircles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      importCircles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('the source tree has none', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(200);
    expect(importCircles(graph)).toEqual([]);
  });
});
