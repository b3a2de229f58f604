/** The fresh-worker pool's promises: a new worker per lease, spares started ahead, order, limits. */
import { describe, expect, it } from 'vitest';
import { FreshWorkerPool } from '../../../src/exec/freshWorkerPool';

interface FakeWorker {
  id: number;
  destroyed: boolean;
}

function pool(options: { size: number; spares?: number }, spawnMs = 0) {
  let next = 0;
  const spawned: FakeWorker[] = [];
  const instance = new FreshWorkerPool<FakeWorker>(
    async (signal) => {
      const worker = { id: next++, destroyed: false };
      spawned.push(worker);
      if (spawnMs) await new Promise((r) => setTimeout(r, spawnMs));
      if (signal.aborted) {
        worker.destroyed = true;
        throw signal.reason;
      }
      return worker;
    },
    (w) => (w.destroyed = true),
    options,
  );
  return { instance, spawned };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('FreshWorkerPool', () => {
  it('gives every lease a worker no one used, and destroys it on release', async () => {
    const { instance } = pool({ size: 1, spares: 0 });
    const first = await instance.lease();
    const a = await first.worker();
    first.release();
    await tick();
    expect(a.destroyed).toBe(true);
    const second = await instance.lease();
    const b = await second.worker();
    expect(b.id).not.toBe(a.id);
    expect(b.destroyed).toBe(false);
    second.release();
  });

  it('keeps a spare started, so the next lease does not wait for a start', async () => {
    const { instance, spawned } = pool({ size: 2, spares: 1 });
    await instance.warmUp();
    expect(spawned).toHaveLength(1);
    const lease = await instance.lease();
    expect((await lease.worker()).id).toBe(0);
    lease.release();
    await tick();
    expect(spawned).toHaveLength(2); // the replacement spare, started once the lease ended
    const next = await instance.lease();
    expect((await next.worker()).id).toBe(1);
    next.release();
  });

  it('starts the replacement spare only when the lease ends, so no start competes with a judge', async () => {
    const { instance, spawned } = pool({ size: 2, spares: 1 }, 20);
    await instance.warmUp();
    const lease = await instance.lease();
    await lease.worker();
    await new Promise((r) => setTimeout(r, 60));
    expect(spawned).toHaveLength(1); // judging: nothing else starting
    lease.release();
    await tick();
    expect(spawned).toHaveLength(2);
  });

  it('coolDown stops spares still starting and keeps ready ones; warmUp then says it was stopped', async () => {
    const { instance, spawned } = pool({ size: 1, spares: 1 }, 40);
    const warming = instance.warmUp();
    instance.coolDown();
    expect(await warming).toBe(false);
    expect(spawned[0]!.destroyed).toBe(true);
    expect(await instance.warmUp()).toBe(true);
    instance.coolDown();
    const lease = await instance.lease();
    expect((await lease.worker()).id).toBe(1); // the ready spare survived the cool-down
    lease.release();
  });

  it('a killed worker is replaced within the same lease', async () => {
    const { instance } = pool({ size: 1, spares: 0 });
    const lease = await instance.lease();
    const a = await lease.worker();
    lease.kill();
    const b = await lease.worker();
    await tick();
    expect(a.destroyed).toBe(true);
    expect(b.id).not.toBe(a.id);
    lease.release();
  });

  it('queues leases beyond its size in order, and an aborted wait leaves the queue', async () => {
    const { instance } = pool({ size: 1, spares: 0 });
    const held = await instance.lease();
    const order: string[] = [];
    const controller = new AbortController();
    const aborted = instance.lease(controller.signal).catch(() => order.push('aborted'));
    const second = instance.lease().then((l) => (order.push('second'), l));
    controller.abort(new Error('stop'));
    await aborted;
    held.release();
    (await second).release();
    expect(order).toEqual(['aborted', 'second']);
  });

  it('dispose destroys spares and refuses new leases', async () => {
    const { instance, spawned } = pool({ size: 1, spares: 2 });
    await instance.warmUp();
    await tick();
    instance.dispose();
    await tick();
    expect(spawned.every((w) => w.destroyed)).toBe(true);
    await expect(instance.lease()).rejects.toThrow('disposed');
  });
});
