/**
 * Runtime files fetched before the service worker controls the page go around it, so they are not
 * kept for offline use: on a first visit, whatever the page starts loading in its first seconds
 * (Pyodide for the recording on screen, clang for a C++ one) would be fetched again on the next
 * visit, and a visitor who went offline in between would have no runtime. So fetching them first
 * waits for an installing service worker to take control — once per page, for a few seconds at
 * most. Nothing waits in dev (no service worker is built), where there is no service worker API,
 * or once registering has failed or produced no worker (a private window that refuses workers,
 * a browser or test harness that blocks them): then nothing is coming to take control. Nor after a
 * hard reload (Ctrl+Shift+R), which goes around an active worker: that worker claims pages only
 * when it activates, and an update waits for the visitor ('prompt'), so none takes this page.
 */
const MAX_WAIT_MS = 5000;

let control: Promise<void> | undefined;
let settleRegistration!: (registration: ServiceWorkerRegistration | undefined) => void;
const registration = new Promise<ServiceWorkerRegistration | undefined>((resolve) => (settleRegistration = resolve));

/**
 * Told by whoever registers the service worker how that went: the registration, or undefined
 * where registering failed or was refused.
 */
export function serviceWorkerRegistered(outcome: ServiceWorkerRegistration | undefined): void {
  settleRegistration(outcome);
}

export function serviceWorkerControl(): Promise<void> {
  control ??= new Promise<void>((resolve) => {
    const workers = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (import.meta.env.DEV || !workers || workers.controller) return resolve();
    const timer = setTimeout(resolve, MAX_WAIT_MS);
    const stopWaiting = (): void => {
      clearTimeout(timer);
      resolve();
    };
    workers.addEventListener('controllerchange', stopWaiting, { once: true });
    void registration.then((registered) => {
      if (!controlOnItsWay(registered)) stopWaiting();
    });
  });
  return control;
}

type RegistrationState = Pick<ServiceWorkerRegistration, 'installing' | 'waiting'> & {
  active: Pick<ServiceWorker, 'state'> | null;
};

/**
 * Whether a worker is about to control this (uncontrolled) page: on a first visit one is installing
 * or installed, and claims the page as it activates. A worker already activated that does not
 * control the page never will during this visit.
 */
export function controlOnItsWay(registration: RegistrationState | undefined): boolean {
  if (!registration) return false;
  if (registration.active) return registration.active.state === 'activating';
  return registration.installing !== null || registration.waiting !== null;
}
