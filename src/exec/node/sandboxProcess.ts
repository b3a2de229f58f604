/**
 * Starts one sandbox child process: Node's permission model (it may read only the folders it is
 * given — no writes, no child processes, no workers, no native addons), a network namespace of its
 * own where available (networkIsolation.ts), no environment but PATH, no stdout, and a bounded
 * JavaScript heap. A program that escapes Python into JavaScript there finds nothing to reach, and
 * killing the process it runs in harms only its own verdict.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as Comlink from 'comlink';
import type { CpuClock } from '../languageSessions';
import { mainThreadCpuClock } from './mainThreadCpuClock';
import { processEndpoint } from './processEndpoint';
import type { SandboxChildApi } from './sandboxChildApi';

export type NetworkPolicy = 'isolated' | 'open';

export interface SandboxProcess {
  api: Comlink.Remote<SandboxChildApi>;
  child: ChildProcess;
  /** Rejects when the process ends (crash, kill, or a program that killed it), with what it said. */
  died: Promise<never>;
  /** The CPU time of the thread programs run on, where the OS tells (mainThreadCpuClock.ts). */
  cpuMs?: CpuClock;
}

const STDERR_TAIL = 2000;

/** Node 22 made the permission model stable under a new flag. */
function permissionFlag(): string {
  return Number(process.versions.node.split('.')[0]) >= 22 ? '--permission' : '--experimental-permission';
}

export function startSandboxProcess(entry: string, readable: readonly string[], network: NetworkPolicy): SandboxProcess {
  const nodeArgs = [
    permissionFlag(),
    ...readable.map((dir) => `--allow-fs-read=${dir}`),
    '--max-old-space-size=1024',
    '--no-warnings',
    entry,
  ];
  const [command, args] = network === 'isolated' ? ['unshare', ['-rn', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(command, args, {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    cwd: readable[0],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => (stderr = (stderr + text).slice(-STDERR_TAIL)));
  const died = new Promise<never>((_, reject) => {
    child.on('error', (error) => reject(error));
    child.on('exit', (code, signal) =>
      reject(new Error(`the sandbox process ended (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`)),
    );
  });
  died.catch(() => undefined);
  const cpuMs = mainThreadCpuClock(child.pid);
  return { api: Comlink.wrap<SandboxChildApi>(processEndpoint(child)), child, died, ...(cpuMs ? { cpuMs } : {}) };
}

export function stopSandboxProcess(sandbox: SandboxProcess): void {
  sandbox.api[Comlink.releaseProxy]();
  sandbox.child.kill('SIGKILL');
}
