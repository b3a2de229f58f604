/**
 * `npm run bench`: runs each benchmark section in turn and prints its numbers. Benchmarks report
 * measurements and ratios against native tools measured in the same run; they never pass or fail.
 * Add a section by writing a file that exports a `BenchSection` and listing it here (one line).
 * `npm run bench -- <name>` runs only the sections whose name contains <name>.
 */
import type { BenchSection } from './benchSection';
import { browserSection } from './browserBench';
import { executionSection } from './executionBench';
import { evalSection } from './evalBench';
import { ioSection } from './ioBench';
import { computeSection } from './computeBench';
import { browserIsolationSection } from './browserIsolationBench';
import { isolationSection } from './isolationBench';
import { wasiRuntimeSection } from './wasiRuntimeBench';
import { streamingSection } from './streaming/streamingBench';
import { paritySection } from './parityBench';
import { bundledSection } from './bundledBench';

const SECTIONS: BenchSection[] = [
  executionSection,
  ioSection,
  computeSection,
  isolationSection,
  browserIsolationSection,
  wasiRuntimeSection,
  browserSection,
  streamingSection,
  evalSection,
  paritySection,
  bundledSection,
];

const filter = process.argv[2];
for (const section of SECTIONS) {
  if (filter && !section.name.includes(filter)) continue;
  process.stdout.write(`\n## ${section.name}\n\n`);
  await section.run((line) => process.stdout.write(`${line}\n`));
}
