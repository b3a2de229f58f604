/**
 * A sandbox child reads Pyodide's start-up snapshot from the file its parent names (nodeExecutor.ts
 * writes it into the bundle's folder). A file it cannot read costs a start from scratch, never the
 * submission: the child says why and takes a new snapshot, which the parent then keeps.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyodideIndexUrl, readPythonHarness } from '../../../../src/exec/node/pythonFiles';
import { bundleSandboxChild, type SandboxChildBundle } from '../../../../src/exec/node/sandboxChildBundle';
import { startSandboxProcess, stopSandboxProcess } from '../../../../src/exec/node/sandboxProcess';

let bundle: SandboxChildBundle;
beforeAll(async () => {
  bundle = await bundleSandboxChild();
}, 60_000);
afterAll(() => bundle?.remove());

describe('a Python sandbox child given a snapshot file it cannot read', () => {
  it('starts from scratch, says why, and takes a snapshot to replace it', async () => {
    const indexURL = pyodideIndexUrl();
    const child = startSandboxProcess(bundle.entry, [bundle.dir, indexURL], 'open');
    try {
      const started = await Promise.race([
        child.api.initPython({
          harness: readPythonHarness(),
          pyodideModuleUrl: pathToFileURL(join(indexURL, 'pyodide.mjs')).href,
          indexURL,
          start: { snapshotFile: join(bundle.dir, 'no-such.snapshot') },
        }),
        child.died,
      ]);
      expect(started.from).toBe('scratch');
      expect(started.snapshotError).toMatch(/^the start-up snapshot could not be read: .*no-such\.snapshot/);
      expect(started.snapshot?.byteLength).toBeGreaterThan(1 << 20);
      expect(
        await child.api.run('print(sum(map(int, input().split())))', new TextEncoder().encode('2 3\n'), {
          outputBytes: 1 << 20,
          memoryBytes: 64 << 20,
        }),
      ).toMatchObject({ status: 'ok', stdout: '5\n' });
    } finally {
      stopSandboxProcess(child);
    }
  }, 60_000);
});
