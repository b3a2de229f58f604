/**
 * The Node judge's CPU clock, read from /proc for a real child process: it counts the time the
 * child computes and not the time it waits, which is what lets a verdict ignore a busy machine.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { mainThreadCpuClock, threadTicks } from '../../../../src/exec/node/mainThreadCpuClock';

/** Spins until its own CPU time reaches 300 ms, says so, then sleeps until killed. */
const SPIN_THEN_SLEEP = `
  const start = process.cpuUsage();
  while (true) { const u = process.cpuUsage(start); if ((u.user + u.system) / 1000 >= 300) break; }
  process.stdout.write('slept\\n');
  setInterval(() => {}, 1000);
`;

describe('mainThreadCpuClock', () => {
  it.runIf(process.platform === 'linux')('counts the CPU time a child computes, not the time it waits', async () => {
    const child = spawn(process.execPath, ['-e', SPIN_THEN_SLEEP], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const clock = mainThreadCpuClock(child.pid)!;
      expect(clock).toBeTypeOf('function');
      await once(child.stdout, 'data');
      const afterSpin = clock()!;
      // 300 ms of spinning plus Node's start-up, in 10 ms ticks.
      expect(afterSpin).toBeGreaterThanOrEqual(290);
      expect(afterSpin).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(clock()! - afterSpin).toBeLessThanOrEqual(20);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // Gone: the clock says so instead of throwing.
    expect(mainThreadCpuClock(child.pid)).toBeUndefined();
  });

  it('reads utime + stime past a command name holding spaces and parentheses', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194304 100 0 0 0 37 5 0 0 20 0 11 0 123 456 789';
    expect(threadTicks(stat)).toBe(42);
    expect(() => threadTicks('4242 (x) S 1')).toThrow(/unreadable/);
  });
});
