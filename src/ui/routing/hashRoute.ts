/**
 * Links into the app live in the URL's hash, so they work on any static host:
 * `#/demo?problem=max-subarray&run=best-stretch-handwritten.json`, `#/judge?problem=pair-sum`.
 */
export interface HashRoute {
  view: string;
  /** The problem's id, when the link names one. */
  problem?: string;
  /** A bundled recording's file name (Demo view), when the link names one. */
  run?: string;
}

export function parseHashRoute(hash: string): HashRoute {
  const path = hash.replace(/^#\/?/, '');
  const at = path.indexOf('?');
  const view = at < 0 ? path : path.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
  const problem = params.get('problem') || undefined;
  const run = params.get('run') || undefined;
  return { view, ...(problem ? { problem } : {}), ...(run ? { run } : {}) };
}

export function routeLink(route: HashRoute): string {
  const params = new URLSearchParams();
  if (route.problem) params.set('problem', route.problem);
  if (route.run) params.set('run', route.run);
  const query = params.toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
