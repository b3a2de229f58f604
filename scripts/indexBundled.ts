/**
 * `npm run bundled`: writes public/problems/index.json and public/runs/index.json, the lists the
 * app reads to find bundled problem packages and recorded runs (a static site cannot list a
 * folder). Teachers who drop a Kattis package into public/problems/ run this once. A unit test
 * fails when the committed indexes are stale.
 */
import { writeFile } from 'node:fs/promises';
import { bundledIndexes } from './bundledIndexes';

const publicDir = new URL('../public/', import.meta.url).pathname;
const { problems, runs } = await bundledIndexes(publicDir);
await writeFile(`${publicDir}problems/index.json`, `${JSON.stringify(problems, null, 2)}\n`);
await writeFile(`${publicDir}runs/index.json`, `${JSON.stringify(runs, null, 2)}\n`);
console.log(`indexed ${problems.problems.length} problems, ${runs.runs.length} runs`);
