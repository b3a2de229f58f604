/**
 * The page's colour theme: follow the system, or a light/dark choice the visitor made with the
 * toggle, remembered in localStorage so a projector laptop keeps its theme across reloads. The
 * choice is applied as `data-theme` on <html>, which app.css reads.
 */
export type Theme = 'system' | 'light' | 'dark';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export class ThemeChoice {
  theme = $state<Theme>('system');
  private readonly storageKey: string;

  constructor(storageKey: string) {
    this.storageKey = storageKey;
    const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
    if (saved && (THEMES as readonly string[]).includes(saved)) this.theme = saved as Theme;
    this.apply();
  }

  /** The theme actually showing now (what "system" resolves to). */
  get shown(): 'light' | 'dark' {
    if (this.theme !== 'system') return this.theme;
    return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** Flips between light and dark from whatever is showing now. */
  toggle(): void {
    this.theme = this.shown === 'dark' ? 'light' : 'dark';
    if (typeof localStorage !== 'undefined') localStorage.setItem(this.storageKey, this.theme);
    this.apply();
  }

  private apply(): void {
    if (typeof document === 'undefined') return;
    if (this.theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = this.theme;
  }
}
