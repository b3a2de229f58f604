/**
 * Node's permission model (Node 20–22) guards files, processes and workers but not the network.
 * On Linux, an unprivileged user namespace with a network namespace of its own (`unshare -rn`)
 * leaves a child process with only a loopback interface that is down: no connection goes anywhere.
 * Some systems forbid unprivileged user namespaces (Ubuntu's AppArmor default, Docker's seccomp
 * profile), so whether it works is probed once.
 */
import { spawnSync } from 'node:child_process';

let probed: boolean | undefined;

/** Whether `unshare -rn` can start a process here. */
export function networkNamespaceAvailable(): boolean {
  probed ??= process.platform === 'linux' && spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return probed;
}

export class NetworkIsolationUnavailableError extends Error {
  constructor() {
    super(
      'This system does not let critique-lab cut candidate programs off the network: unprivileged user namespaces (`unshare -rn`) are ' +
        'disabled. Programs would still run without file, process or worker access, but could open network connections. Enable user ' +
        'namespaces (e.g. `sysctl kernel.apparmor_restrict_unprivileged_userns=0` on Ubuntu), or pass --allow-network to accept the risk.',
    );
    this.name = 'NetworkIsolationUnavailableError';
  }
}
