import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readProblemDir } from '../src/exec/node/problemDir';
import { isPackageFile } from '../src/core/problem/packageFiles';
import { parseRunRecord } from '../src/core/record/runRecordCodec';
import { LANGUAGE_LABEL } from '../src/core/problem/language';
import type { BundledProblemIndex, BundledRunIndex } from '../src/core/record/bundledIndex';

export async function bundledIndexes(publicDir: string): Promise<{ problems: BundledProblemIndex; runs: BundledRunIndex }> {
  const problemsDir = join(publicDir, 'problems');
  const problems: BundledProblemIndex = { problems: [] };
  for (const entry of (await readdir(problemsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(problemsDir, entry.name);
    const problem = await readProblemDir(dir);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile())
      .map((f) => relative(dir, join(f.parentPath, f.name)).split('\\').join('/'))
      .filter(isPackageFile)
      .sort();
    problems.problems.push({ id: problem.id, title: problem.title, contentHash: problem.contentHash, files });
  }
  const runsDir = join(publicDir, 'runs');
  const runs: BundledRunIndex = { runs: [] };
  for (const name of (await readdir(runsDir)).filter((n) => n.endsWith('.json') && n !== 'index.json').sort()) {
    const record = parseRunRecord(await readFile(join(runsDir, name), 'utf8'));
    const { caption } = record.provenance;
    // A caption reads "phenomenon: detail"; the list shows the phenomenon, the Demo view the whole line.
    const headline = caption?.split(': ')[0] ?? record.model.label;
    runs.runs.push({
      file: name,
      id: record.id,
      problemId: record.problem.id,
      title: `${record.problem.title} — ${headline}, k=${record.settings.k}${record.settings.m > 1 ? `, m=${record.settings.m}` : ''} (${LANGUAGE_LABEL[record.settings.language]})`,
      provenance: record.provenance.kind,
      ...(caption ? { caption } : {}),
    });
  }
  return { problems, runs };
}

/** Writes public/problems/index.json and public/runs/index.json; returns how many of each. */
export async function writeBundledIndexes(publicDir: string): Promise<{ problems: number; runs: number }> {
  const { problems, runs } = await bundledIndexes(publicDir);
  await writeFile(join(publicDir, 'problems', 'index.json'), `${JSON.stringify(problems, null, 2)}\n`);
  await writeFile(join(publicDir, 'runs', 'index.json'), `${JSON.stringify(runs, null, 2)}\n`);
  return { problems: problems.problems.length, runs: runs.runs.length };
}
