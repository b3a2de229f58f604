/**
 * Which run the Demo view shows, remembered across reloads: a run started here (its journal id)
 * or a saved run opened from the list. Nothing (an empty screen, an imported file) forgets it.
 */
export type OnScreenRun = { kind: 'journal'; runId: string } | { kind: 'saved'; id: string };

const KEY = 'critique-lab/on-screen-run';

export function rememberOnScreen(run: OnScreenRun | null): void {
  if (typeof localStorage === 'undefined') return;
  if (run) localStorage.setItem(KEY, JSON.stringify(run));
  else localStorage.removeItem(KEY);
}

export function onScreenRun(): OnScreenRun | null {
  if (typeof localStorage === 'undefined') return null;
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as OnScreenRun | null;
    if (value?.kind === 'journal' && typeof value.runId === 'string') return value;
    if (value?.kind === 'saved' && typeof value.id === 'string') return value;
  } catch {
    // a corrupt entry: nothing to reopen
  }
  return null;
}
