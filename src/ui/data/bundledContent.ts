/**
 * Loads the problems and recorded runs that ship with the site, over HTTP from our own origin
 * (and from the service worker's cache when offline).
 */
import type { BundledProblemIndex, BundledRunIndex } from '../../core/record/bundledIndex';
import { readKattisPackage } from '../../core/problem/kattisPackage';
import type { Problem } from '../../core/problem/problem';
import { parseRunRecord } from '../../core/record/runRecordCodec';
import type { RunRecord } from '../../core/record/runRecord';

const base = import.meta.env.BASE_URL;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}).`);
  return response.text();
}

export async function loadProblemIndex(): Promise<BundledProblemIndex> {
  return JSON.parse(await fetchText('problems/index.json')) as BundledProblemIndex;
}

export async function loadRunIndex(): Promise<BundledRunIndex> {
  return JSON.parse(await fetchText('runs/index.json')) as BundledRunIndex;
}

export async function loadBundledProblem(entry: BundledProblemIndex['problems'][number]): Promise<Problem> {
  const files = new Map(await Promise.all(entry.files.map(async (f) => [f, await fetchText(`problems/${entry.id}/${f}`)] as const)));
  return readKattisPackage(files, entry.id);
}

export async function loadBundledRun(entry: BundledRunIndex['runs'][number]): Promise<RunRecord> {
  return parseRunRecord(await fetchText(`runs/${entry.file}`));
}
