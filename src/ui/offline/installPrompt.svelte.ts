/**
 * "Install" where the browser offers it (Chromium's beforeinstallprompt; other browsers install
 * from their own menu and never fire it, so the button simply does not appear there).
 */

/** Chromium's event; not in TypeScript's DOM library. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export class InstallPrompt {
  available = $state(false);
  installed = $state(false);
  private deferred: BeforeInstallPromptEvent | null = null;

  start(): void {
    if (typeof window === 'undefined') return;
    window.addEventListener('beforeinstallprompt', (event) => {
      // Keep the browser's own mini-bar away; the app offers the install where it makes sense.
      event.preventDefault();
      this.deferred = event as BeforeInstallPromptEvent;
      this.available = true;
    });
    window.addEventListener('appinstalled', () => {
      this.installed = true;
      this.available = false;
      this.deferred = null;
    });
  }

  async install(): Promise<void> {
    const event = this.deferred;
    if (!event) return;
    this.deferred = null;
    this.available = false;
    await event.prompt();
    if ((await event.userChoice).outcome === 'accepted') this.installed = true;
  }
}
