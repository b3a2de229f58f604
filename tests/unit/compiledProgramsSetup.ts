/**
 * Vitest global setup: one folder of compiled programs for the whole unit run (see
 * src/exec/clangCaches/nodeCompiledPrograms.ts), so each C++ program several test files judge is
 * compiled once. Made fresh for every run and removed after it: no run sees another's binaries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED_DIR_ENV } from '../../src/exec/clangCaches/nodeCompiledPrograms';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'critique-lab-compiled-'));
  process.env[COMPILED_DIR_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
