/**
 * A HAND-WRITTEN demo run for the bundled problem "Best Stretch" (public/problems/max-subarray).
 * No model wrote these texts: they were written by the critique-lab team to show, in a browser
 * without a GPU, what an OCR-2 run looks like — one candidate with a classic bug that its critique
 * misses, one too slow, two correct. Every run record built from it says so in `provenance`.
 * It is the app's default recording: small (k = 4) so a first replay is quick.
 */
import { fence, type HandwrittenReply, type HandwrittenRun } from './handwrittenRun';

const kadaneZero = `
n = int(input())
a = list(map(int, input().split()))
best = 0
cur = 0
for x in a:
    cur = max(0, cur + x)
    best = max(best, cur)
print(best)
`;

const bruteForce = `
import sys
data = sys.stdin.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
best = a[0]
for l in range(n):
    s = 0
    for r in range(l, n):
        s += a[r]
        if s > best:
            best = s
print(best)
`;

const kadane = `
import sys

def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    best = cur = int(data[1])
    for token in data[2:1 + n]:
        x = int(token)
        cur = x if cur < 0 else cur + x
        if cur > best:
            best = cur
    print(best)

main()
`;

const prefixMin = `
import sys

data = sys.stdin.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
prefix = 0
lowest = 0
best = None
for x in a:
    prefix += x
    candidate = prefix - lowest
    if best is None or candidate > best:
        best = candidate
    lowest = min(lowest, prefix)
print(best)
`;

const candidates: { generation: HandwrittenReply; critique: HandwrittenReply }[] = [
  {
    generation: {
      reasoning: `Okay, so the task is the classic maximum subarray sum. n can be up to 2*10^5, so O(n^2) is too slow in Python; I need O(n).

Kadane's algorithm: keep a running sum cur, and whenever it drops below zero, reset it to zero, because a negative prefix can only hurt any stretch that continues after it. Track the best value seen.

Let me check the first sample: -2 1 -3 4 -1 2 1 -5.
cur: 0 (reset after -2), 1, 0 (reset after -3... 1-3=-2 -> 0), 4, 3, 5, 6, 1. Best = 6. Matches.

Second sample: 3 -1 -1 -1 3 -> cur 3, 2, 1, 0, 3. Best = 3. Matches.

Values up to 1e9 and n up to 2e5, so sums reach 2e14 — fine for Python integers.

Reading input: first line n, second line the numbers. Simple enough.`,
      answer: `Use Kadane's algorithm: a running sum that resets to zero when it becomes negative, keeping the best value seen. O(n) time, O(1) extra memory.

${fence(kadaneZero, 'python')}`,
    },
    critique: {
      reasoning: `Let me check this solution for the maximum subarray problem.

The approach is Kadane's algorithm in O(n), which fits n up to 2*10^5.

cur = max(0, cur + x): the running sum is reset to zero when it goes negative. best = max(best, cur) tracks the maximum.

Trace sample 1: -2 1 -3 4 -1 2 1 -5. cur goes 0, 1, 0, 4, 3, 5, 6, 1; best = 6. Correct.
Trace sample 2: 3 -1 -1 -1 3. cur goes 3, 2, 1, 0, 3; best = 3. Correct.

Edge cases: n = 1 with a positive value: cur = a1, best = a1. Fine. Large values: Python integers do not overflow.

Input is read with input() twice; the format is exactly two lines, so that is fine. The time complexity is linear.

I think the solution is correct.`,
      answer: `The solution implements Kadane's algorithm in linear time and reproduces both sample outputs.

<judgment>right</judgment>`,
    },
  },
  {
    generation: {
      reasoning: `We need the maximum sum over all contiguous subarrays. The simplest correct approach: try every left end l, extend r to the right while keeping a running sum, and track the maximum. That is O(n^2) additions.

Sample 1: the best stretch is 4 -1 2 1 = 6. Sample 2: 3 -1 -1 -1 3 = 3, or just 3. Both work with brute force.

Initialise best with a[0] so that an all-negative array gives the largest single element rather than 0.

Hmm, n up to 2*10^5 gives about 2*10^10 operations in the worst case. That's a lot, but the inner loop is simple. I'll go with it; it is certainly correct.`,
      answer: `Try every starting hour and extend the stretch to the right, keeping a running sum.

${fence(bruteForce, 'python')}`,
    },
    critique: {
      reasoning: `The solution enumerates all pairs (l, r) with a running sum, so it computes the maximum over every subarray: correctness is clear, including the all-negative case because best starts at a[0] rather than 0.

Now the complexity. The double loop performs n(n+1)/2 additions. For n = 2*10^5 that is about 2*10^10 iterations. Even a compiled language would need several seconds for that; CPython manages roughly 10^7 simple loop iterations per second, so this would take on the order of half an hour.

The time limit is 1 second. The large tests will certainly exceed it.

So the algorithm is correct in output but far too slow for the constraints. A linear algorithm (Kadane) is required.`,
      answer: `Correct answers, but O(n^2) with n up to 2*10^5 cannot finish within the time limit.

<judgment>wrong</judgment>`,
    },
  },
  {
    generation: {
      reasoning: `Maximum subarray sum, n up to 2*10^5, so it has to be linear.

Kadane's algorithm, but careful: the stretch must contain at least one element, so if all numbers are negative the answer is the largest (least negative) number, not 0. So I must not clamp the running sum at 0 and compare against a best initialised to 0.

Correct formulation: cur = best = a[0]; for each next x: cur = x if cur < 0 else cur + x; best = max(best, cur).

Check sample 1: -2 1 -3 4 -1 2 1 -5: cur = -2, then 1 (since cur < 0), -2, 4, 3, 5, 6, 1. best = 6. Good.
Sample 2: 3, 2, 1, 0, 3 -> 3. Good.
All negative, e.g. -5 -2 -8: cur = -5, -2, -8 -> best = -2. Good.

Input can be large (2*10^5 numbers), so read everything at once from sys.stdin.buffer to be fast.`,
      answer: `Kadane's algorithm, started from the first element so an all-negative input yields its largest element. Reads the whole input at once for speed.

${fence(kadane, 'python')}`,
    },
    critique: {
      reasoning: `Kadane's algorithm starting from the first element. If the running sum is negative it restarts at x, otherwise it extends. best is initialised to a[0], so the all-negative case returns the largest element, as the statement requires.

Sample 1 gives 6 and sample 2 gives 3. Linear time, and input is read in one go, so 2*10^5 numbers are fine.

This is correct.`,
      answer: `Linear-time Kadane that handles the all-negative case.

<judgment>right</judgment>`,
    },
  },
  {
    generation: {
      reasoning: `The sum of a[l..r] equals P[r] - P[l-1] with prefix sums P. For a fixed right end r, the best stretch ending at r uses the smallest prefix P[j] with j < r. So scan once, keeping the minimum prefix seen so far (starting with P[0] = 0), and the answer is the max over r of P[r] - minPrefix.

Because I compute the candidate before updating the minimum with the current prefix, every stretch is non-empty.

Sample 1: prefixes -2, -1, -4, 0, -1, 1, 2, -3. Min before each: 0, -2, -2, -4, -4, -4, -4, -4. Differences: -2, 1, -2, 4, 3, 5, 6, 1. Max = 6. Correct.

Sample 2: prefixes 3, 2, 1, 0, 3, min before: 0, 0, 0, 0, 0. Max difference 3. Correct.

All negative: -3 -1: prefixes -3, -4; min before: 0, -3; differences -3, -1 -> -1. Correct, the largest element.

Complexity O(n). Read the input with sys.stdin.read().split().`,
      answer: `Prefix sums: the best stretch ending at r is P[r] minus the smallest earlier prefix. One pass, O(n).

${fence(prefixMin, 'python')}`,
    },
    critique: {
      reasoning: `The solution uses prefix sums. For each position it computes candidate = prefix - lowest, where lowest is the minimum prefix strictly before the current position (initially 0 for the empty prefix). That is exactly the maximum sum of a non-empty stretch ending here. best is the maximum over all positions.

Let me double-check the order of updates: candidate is computed before lowest = min(lowest, prefix), so lowest never includes the current prefix; the stretch is non-empty. Good.

best starts as None and is set at the first element, so an all-negative array gives the maximum element. For example -5 -2 -8: prefixes -5, -7, -15; lowest before: 0, -5, -5; candidates -5, -2, -10; best -2. Correct.

Sample 1: the maximum difference is 6. Sample 2: 3. Both match.

Complexity: one pass over up to 2*10^5 numbers, O(n). Memory: the list a, fine.

Large values: sums up to 2*10^14, Python integers handle them.

Input parsing: sys.stdin.read().split() then n and the next n tokens. Fine even if the numbers span several lines.

Everything checks out.`,
      answer: `A correct prefix-sum solution: each stretch is non-empty, the all-negative case is handled, and it runs in linear time.

<judgment>right</judgment>`,
    },
  },
];

export const BEST_STRETCH: HandwrittenRun = {
  id: 'best-stretch-handwritten',
  problemId: 'max-subarray',
  caption: 'Selection rescues a wrong first sample: its critique missed the all-negative bug, but a shorter one vouches for a correct program',
  language: 'python',
  m: 1,
  seed: 7,
  createdAt: '2026-11-22T09:00:00.000Z',
  candidates: candidates.map(({ generation, critique }) => ({ generation, critiques: [critique] })),
};
