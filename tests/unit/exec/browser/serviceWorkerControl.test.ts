import { describe, expect, it } from 'vitest';
import { controlOnItsWay } from '../../../../src/exec/browser/serviceWorkerControl';

const worker = (state: ServiceWorkerState) => ({ state }) as ServiceWorker;
const registration = (parts: { active?: ServiceWorkerState; installing?: boolean; waiting?: boolean }) => ({
  active: parts.active ? worker(parts.active) : null,
  installing: parts.installing ? worker('installing') : null,
  waiting: parts.waiting ? worker('installed') : null,
});

describe('controlOnItsWay: whether the first runtime fetch waits for a service worker to take control', () => {
  it('waits on a first visit: a worker installing, installed or activating claims the page', () => {
    expect(controlOnItsWay(registration({ installing: true }))).toBe(true);
    expect(controlOnItsWay(registration({ waiting: true }))).toBe(true);
    expect(controlOnItsWay(registration({ active: 'activating' }))).toBe(true);
  });

  it('does not wait where a worker already activated does not control the page (a hard reload), even with an update on its way', () => {
    expect(controlOnItsWay(registration({ active: 'activated' }))).toBe(false);
    expect(controlOnItsWay(registration({ active: 'activated', installing: true }))).toBe(false);
    expect(controlOnItsWay(registration({ active: 'activated', waiting: true }))).toBe(false);
  });

  it('does not wait where registering failed or produced no worker', () => {
    expect(controlOnItsWay(undefined)).toBe(false);
    expect(controlOnItsWay(registration({}))).toBe(false);
  });
});
