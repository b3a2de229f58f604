/**
 * The Demo view's keyboard: what each key does, in one table the help line is drawn from.
 * Keys typed into a form field are left alone.
 */
export type DemoKeyAction = 'next' | 'previous' | 'play-pause' | 'step' | 'restart' | 'presenter';

export const DEMO_KEYS: { keys: string[]; shown: string; action: DemoKeyAction; what: string }[] = [
  { keys: ['ArrowRight'], shown: '→', action: 'next', what: 'next candidate' },
  { keys: ['ArrowLeft'], shown: '←', action: 'previous', what: 'previous candidate' },
  { keys: [' '], shown: 'Space', action: 'play-pause', what: 'play / pause' },
  { keys: ['.', 's'], shown: '.', action: 'step', what: 'step one event' },
  { keys: ['r'], shown: 'R', action: 'restart', what: 'restart' },
  { keys: ['p'], shown: 'P', action: 'presenter', what: 'presenter mode on/off' },
];

export function demoKeyAction(event: KeyboardEvent): DemoKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, select, textarea, [contenteditable="true"], .cm-editor')) return null;
  // Space on a button would press it too: leave buttons their own Space.
  if (event.key === ' ' && target?.closest('button, summary, a')) return null;
  return DEMO_KEYS.find((k) => k.keys.includes(event.key))?.action ?? null;
}
