/**
 * How a run's time is kept (runWithDeadline): under a CPU clock (the Node judge on Linux) a run is
 * charged the CPU time the host reads, not the time it waited, and stopped as soon as it passes
 * the limit; a run that only waits is stopped by a wall-clock cap; without a CPU clock (browsers)
 * the host's wall clock overrules a worker that reports less than it took. The worker here is a
 * stand-in whose CPU clock the test moves, so each rule is seen on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../../src/exec/freshWorkerPool';
import { runWithDeadline, type CpuClock } from '../../../src/exec/languageSessions';
import type { RunLimits, RunOutcome } from '../../../src/exec/runtime/runOutcome';

interface StandIn {
  cpuMs?: CpuClock;
}

function leaseOf(worker: StandIn): Lease<StandIn> & { kills: number } {
  const lease = {
    kills: 0,
    worker: async () => worker,
    kill: () => void lease.kills++,
    release: () => {},
  };
  return lease;
}

const limits = (timeMs: number): RunLimits => ({ timeMs, memoryBytes: 2 ** 26, outputBytes: 2 ** 20 });
const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (ms: number): RunOutcome => ({ status: 'ok', stdout: '42\n', stderr: '', ms });
const never = (): Promise<RunOutcome> => new Promise(() => {});

describe('runWithDeadline under a CPU clock', () => {
  it('charges the CPU time the host read, not the wall time the run waited', async () => {
    let cpu = 1000;
    const lease = leaseOf({ cpuMs: () => cpu });
    const outcome = await runWithDeadline(lease, limits(100), undefined, async () => {
      await after(250); // a busy machine: 250 ms of waiting for 20 ms of work
      cpu += 20;
      return ok(250);
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.ms).toBe(20);
    expect(lease.kills).toBe(0);
  });

  it('stops a run as soon as its CPU time passes the limit', async () => {
    let cpu = 0;
    const spin = setInterval(() => (cpu += 40), 10);
    const lease = leaseOf({ cpuMs: () => cpu });
    const began = performance.now();
    const outcome = await runWithDeadline(lease, limits(200), undefined, never);
    clearInterval(spin);
    expect(outcome.status).toBe('timeout');
    expect(outcome.ms).toBeGreaterThan(200);
    expect(outcome.message).toMatch(/ms of CPU time/);
    expect(lease.kills).toBe(1);
    // Killed on the CPU figure, long before the wall-clock cap (5.2 s).
    expect(performance.now() - began).toBeLessThan(2000);
  });

  it('stops a run that waits without computing at the wall-clock cap', async () => {
    const lease = leaseOf({ cpuMs: () => 500 });
    const began = performance.now();
    const outcome = await runWithDeadline(lease, limits(50), undefined, never);
    // 4 × the limit, but never less than 5 s past it.
    expect(outcome).toMatchObject({ status: 'timeout', ms: 5050 });
    expect(performance.now() - began).toBeGreaterThanOrEqual(5000);
    expect(outcome.message).toMatch(/wall time/);
    expect(lease.kills).toBe(1);
  });
});

describe('runWithDeadline under the wall clock', () => {
  it("takes the host's time over a worker that reports less than the host saw", async () => {
    const lease = leaseOf({});
    // Past 1.1 × the limit + 50 ms (the slack for messaging), before the kill at 1.25 × the limit.
    const outcome = await runWithDeadline(lease, limits(1000), undefined, async () => {
      await after(1200);
      return ok(20);
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.ms).toBeGreaterThanOrEqual(1190);
  });
});
