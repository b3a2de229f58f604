import { describe, expect, it } from 'vitest';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { deriveTimeLimit, readTimeLimitRule } from '../../../../src/core/problem/timeLimitRule';

const base = {
  'statement/problem.md': 'x',
  'data/sample/1.in': '1\n',
  'data/sample/1.ans': '1\n',
  'submissions/accepted/a.py': 'print(1)',
  'submissions/accepted/b.cc': 'int main(){}',
  'submissions/accepted/c.java': 'class C {}',
};

describe('time limits a package does not state', () => {
  it('2023-07: ceil(T × ac_to_time_limit / resolution) × resolution, at least one step; TLE boundary × time_limit_to_tle', () => {
    const rule = readTimeLimitRule(new Map(), { problem_format_version: '2023-07-draft' });
    expect(rule).toMatchObject({ format: '2023-07', acMultiplier: 2, resolutionSeconds: 1, tleFactor: 1.5 });
    expect(deriveTimeLimit(rule, 0.01)).toEqual({ timeSeconds: 1, tleBoundarySeconds: 1.5 });
    expect(deriveTimeLimit(rule, 0.5)).toEqual({ timeSeconds: 1, tleBoundarySeconds: 1.5 });
    expect(deriveTimeLimit(rule, 0.51)).toEqual({ timeSeconds: 2, tleBoundarySeconds: 3 });
    const custom = readTimeLimitRule(new Map(), {
      problem_format_version: '2025-09',
      limits: { time_resolution: 0.25, time_multipliers: { ac_to_time_limit: 3, time_limit_to_tle: 2 } },
    });
    expect(deriveTimeLimit(custom, 0.3)).toEqual({ timeSeconds: 1, tleBoundarySeconds: 2 });
    expect(deriveTimeLimit(custom, 0.05)).toEqual({ timeSeconds: 0.25, tleBoundarySeconds: 0.5 });
  });

  it('legacy: ceil(T × time_multiplier) whole seconds, TLE boundary × time_safety_margin', () => {
    const rule = readTimeLimitRule(new Map(), {});
    expect(rule).toMatchObject({ format: 'legacy', acMultiplier: 5, resolutionSeconds: 1, tleFactor: 2 });
    expect(deriveTimeLimit(rule, 0.1)).toEqual({ timeSeconds: 1, tleBoundarySeconds: 2 });
    expect(deriveTimeLimit(rule, 0.61)).toEqual({ timeSeconds: 4, tleBoundarySeconds: 8 });
    expect(deriveTimeLimit(readTimeLimitRule(new Map(), { limits: { time_multiplier: 3, time_safety_margin: 1.5 } }), 1)).toEqual({
      timeSeconds: 3,
      tleBoundarySeconds: 4.5,
    });
  });

  it('the reader keeps the accepted Python and C++ submissions only when the limit is missing, and labels the source', async () => {
    const unstated = await readKattisPackage(new Map(Object.entries({ ...base, 'problem.yaml': 'name: X\n' })), 'x');
    expect(unstated.limits).toMatchObject({ timeSeconds: 2, timeSource: 'default' });
    expect(unstated.timeLimitRule?.accepted.map((s) => [s.path, s.language])).toEqual([
      ['submissions/accepted/a.py', 'python'],
      ['submissions/accepted/b.cc', 'cpp'],
    ]);
    const stated = await readKattisPackage(
      new Map(Object.entries({ ...base, 'problem.yaml': 'name: X\nlimits:\n  time_limit: 3\n' })),
      'x',
    );
    expect(stated.limits).toMatchObject({ timeSeconds: 3, timeSource: 'package' });
    expect(stated.timeLimitRule).toBeUndefined();
  });

  it('refuses a nonsensical multiplier, naming it', () => {
    expect(() =>
      readTimeLimitRule(new Map(), { problem_format_version: '2023-07', limits: { time_multipliers: { ac_to_time_limit: 0 } } }),
    ).toThrow(/problem\.yaml: limits\.time_multipliers\.ac_to_time_limit must be a positive number/);
  });
});
