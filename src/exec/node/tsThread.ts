/**
 * Starts a TypeScript module in a Node worker thread: the thread registers tsx first (a runtime
 * dependency), so the CLI works from a fresh clone without a build step.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  }
}

export function startTsThread(entry: URL, resourceLimits?: ResourceLimits): Worker {
  const code = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  const worker = new Worker(code, { eval: true, ...(resourceLimits ? { resourceLimits } : {}) });
  return worker;
}
