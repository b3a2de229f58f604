/**
 * Every hand-written recording: one Markdown file per run in this folder (recordingFile.ts says
 * the format), read in file-name order. At least one per bundled problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { HandwrittenRun } from './handwrittenRun';
import { parseRecordingFile, withIncludedPrograms } from './recordingFile';

const FOLDER = new URL('./', import.meta.url);
const PROBLEMS = new URL('../../public/problems/', import.meta.url);

export async function loadHandwrittenRuns(): Promise<HandwrittenRun[]> {
  const names = (await readdir(FOLDER)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const run = parseRecordingFile(await readFile(new URL(name, FOLDER), 'utf8'), name);
      // Programs included by path are read from the problem's package as it is now.
      return withIncludedPrograms(run, (path) => readFile(new URL(`${run.problemId}/${path}`, PROBLEMS), 'utf8'));
    }),
  );
}
