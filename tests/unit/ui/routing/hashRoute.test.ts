import { describe, expect, it } from 'vitest';
import { parseHashRoute, routeLink } from '../../../../src/ui/routing/hashRoute';

describe('links in the hash', () => {
  it('reads the view, the problem and the recording', () => {
    expect(parseHashRoute('#/demo?problem=max-subarray&run=best-stretch-handwritten.json')).toEqual({
      view: 'demo',
      problem: 'max-subarray',
      run: 'best-stretch-handwritten.json',
    });
    expect(parseHashRoute('#/judge')).toEqual({ view: 'judge' });
    expect(parseHashRoute('')).toEqual({ view: '' });
    expect(parseHashRoute('#judge?problem=')).toEqual({ view: 'judge' });
  });

  it('writes links that read back the same, escaping odd ids', () => {
    const route = { view: 'judge', problem: 'my problem&more' };
    expect(routeLink(route)).toBe('#/judge?problem=my+problem%26more');
    expect(parseHashRoute(routeLink(route))).toEqual(route);
  });
});
