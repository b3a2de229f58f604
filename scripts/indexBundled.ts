/**
 * `npm run bundled`: writes public/problems/index.json and public/runs/index.json, the lists the
 * app reads to find bundled problem packages and recorded runs (a static site cannot list a
 * folder). Teachers who drop a Kattis package into public/problems/ run this once. A unit test
 * fails when the committed indexes are stale.
 */
import { writeBundledIndexes } from './bundledIndexes';

const counts = await writeBundledIndexes(new URL('../public/', import.meta.url).pathname);
console.log(`indexed ${counts.problems} problems, ${counts.runs} runs`);
