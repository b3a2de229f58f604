/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker's life as the visitor sees it: registered (the app shell is cached and the
 * site opens offline; runtime fetches learn whether a worker is coming, serviceWorkerControl.ts),
 * and "a new version is ready — reload" when a newer build has been installed behind the running
 * one. Updates never apply on their own: a run in progress would be cut off by a reload the
 * visitor did not ask for.
 */
import { registerSW } from 'virtual:pwa-register';
import { serviceWorkerRegistered } from '../../exec/browser/serviceWorkerControl';

export class AppUpdates {
  /** A newer version is installed and waits for the visitor's reload. */
  updateReady = $state(false);
  private applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
  private reloading = false;

  /** Registers the service worker; in dev (no worker is built) there is nothing to register. */
  start(): void {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    this.applyUpdate = registerSW({
      onNeedRefresh: () => (this.updateReady = true),
      onNeedReload: () => this.reloadOnce(),
      onRegisteredSW: (_url, registration) => serviceWorkerRegistered(registration),
      // Refused (a private window) or failed: the site works on, without offline use.
      onRegisterError: () => serviceWorkerRegistered(undefined),
    });
  }

  /**
   * Activates the waiting version; the page reloads into it once it controls the page. Listened
   * for here too: workbox-window reloads only when the page had a controller at registration, and
   * a first visit's page (claimed later) had none.
   */
  async reload(): Promise<void> {
    navigator.serviceWorker.addEventListener('controllerchange', () => this.reloadOnce(), { once: true });
    await this.applyUpdate?.(true);
  }

  private reloadOnce(): void {
    if (this.reloading) return;
    this.reloading = true;
    location.reload();
  }

  dismiss(): void {
    this.updateReady = false;
  }
}
