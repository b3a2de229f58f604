/**
 * HAND-WRITTEN demo run for "Best Stretch" (public/problems/max-subarray), Python, k = 6 with m = 3
 * critiques per candidate. No model wrote these texts. Two of three quick critiques miss the
 * all-negative bug, so the buggy program is judged right with the shortest critiques and OCR-2's
 * rule picks it; Critique-Coder's vote@m prefers the unanimous, correct one: the two disagree.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const py = (code: string): string => fence(code, 'python');

const clampedKadane = `
import sys

values = list(map(int, sys.stdin.read().split()))
n, hours = values[0], values[1:]
best = running = 0
for change in hours[:n]:
    running = max(0, running + change)
    best = max(best, running)
print(best)
`;

const kadaneFromFirst = `
import sys

def best_stretch(changes):
    best = current = changes[0]
    for x in changes[1:]:
        current = max(x, current + x)
        best = max(best, current)
    return best

data = sys.stdin.buffer.read().split()
n = int(data[0])
print(best_stretch([int(t) for t in data[1:n + 1]]))
`;

const everyStretch = `
n = int(input())
a = list(map(int, input().split()))
best = max(a)
for i in range(n):
    total = 0
    for j in range(i, n):
        total += a[j]
        best = max(best, total)
print(best)
`;

const prefixMinimum = `
import sys

data = sys.stdin.read().split()
n = int(data[0])
prefix = 0
smallest = 0
answer = -10**19
for token in data[1:n + 1]:
    prefix += int(token)
    answer = max(answer, prefix - smallest)
    smallest = min(smallest, prefix)
print(answer)
`;

const zeroStart = `
n = int(input())
a = list(map(int, input().split()))
best = 0
cur = a[0]
for x in a[1:]:
    cur = x if cur < 0 else cur + x
    best = max(best, cur)
print(best)
`;

const accumulateMin = `
import sys
from itertools import accumulate

data = sys.stdin.buffer.read().split()
n = int(data[0])
prefixes = list(accumulate(int(t) for t in data[1:n + 1]))
lowest = 0
best = prefixes[0]
for p in prefixes:
    best = max(best, p - lowest)
    lowest = min(lowest, p)
print(best)
`;

export const BEST_STRETCH_VOTE: HandwrittenRun = {
  id: 'best-stretch-vote-handwritten',
  problemId: 'max-subarray',
  caption: 'Shortest critique and vote@3 disagree: two quick critiques miss a bug, the unanimous candidate is the correct one',
  language: 'python',
  m: 3,
  seed: 41,
  createdAt: '2026-11-30T09:40:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Maximum subarray sum with n up to 2*10^5, so Kadane's algorithm in O(n).

Keep a running sum; if it goes negative, drop it (reset to zero) because a negative prefix only hurts. Track the best running sum.

Sample 1: -2 1 -3 4 -1 2 1 -5 → running 0, 1, 0, 4, 3, 5, 6, 1 → best 6. Correct.
Sample 2: 3 -1 -1 -1 3 → 3, 2, 1, 0, 3 → best 3. Correct.

Read all input at once for speed.`,
        answer: `Kadane's algorithm: a running sum reset at zero, keeping the best. O(n).

${py(clampedKadane)}`,
      },
      critiques: [
        {
          reasoning: `Kadane with the running sum clamped at 0. Sample 1 → 6, sample 2 → 3. Linear time, fast input. Python ints do not overflow.`,
          answer: judged('Standard Kadane, samples pass.', 'right'),
        },
        {
          reasoning: `Running sum reset to zero when negative, best updated each step: Kadane. Both samples match. O(n) for 2*10^5 numbers.`,
          answer: judged('Correct linear-time Kadane.', 'right'),
        },
        {
          reasoning: `best starts at 0 and running is clamped at 0, so the program can never print a negative number. The statement says the stretch must contain at least one hour even if every change is negative. For "3\\n-5 -2 -8" the answer is -2 but this prints 0.`,
          answer: judged('Never prints a negative answer: the all-negative case gives 0 instead of the largest element.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Maximum sum of a non-empty contiguous stretch. Kadane's algorithm, written carefully for the non-empty requirement.

current = best sum of a stretch that ends at the current hour. Either the stretch is just x, or it extends the best stretch ending at the previous hour: current = max(x, current + x). Start both current and best at the first element, so an all-negative input gives its largest element, not 0.

Sample 1: -2 → current -2; 1 → max(1, -1) = 1; -3 → -2; 4 → 4; -1 → 3; 2 → 5; 1 → 6; -5 → 1. best 6. Correct.
Sample 2: 3, 2, 1, 0, 3 → 3. Correct.
All negative -5 -2 -8 → current -5, -2, -8 → best -2. Correct.

O(n), read with sys.stdin.buffer.`,
        answer: `Kadane's algorithm started from the first element, so the stretch is never empty. O(n).

${py(kadaneFromFirst)}`,
      },
      critiques: [
        {
          reasoning: `best_stretch initialises best and current to changes[0], then for each next x sets current = max(x, current + x): the best sum of a stretch ending at x, which is either x alone or an extension. best keeps the maximum. This is Kadane's algorithm in its non-empty form.

All-negative input: -5 -2 -8 → current -5, then max(-2, -7) = -2, then max(-8, -10) = -8; best -2, the largest element, as the statement requires.

n = 1: the loop is empty and best = changes[0]. Good.

Sample 1 gives 6, sample 2 gives 3. Linear time, and values up to 2*10^14 in sum are fine for Python integers.`,
          answer: judged('Kadane in its non-empty form; the all-negative and n = 1 cases hold.', 'right'),
        },
        {
          reasoning: `The recurrence current = max(x, current + x) is correct for the maximum-sum stretch ending at each position, and best is their maximum. Starting from changes[0] ensures the stretch is non-empty.

I checked the edge cases: n = 1 returns the element; all negative returns the maximum element; large positive values cannot overflow in Python.

Input: reads all tokens via sys.stdin.buffer, n first, then n values converted to int. The list comprehension over 2*10^5 tokens is fast.

Samples: 6 and 3, both match.`,
          answer: judged('Correct and linear; handles every edge case I can find.', 'right'),
        },
        {
          reasoning: `Let me verify by comparing with a brute force on a small case: 2 -1 2 -5 4. Brute force: best stretch is 2 -1 2 = 3 or 4 alone = 4 → 4. Kadane: current 2, max(-1, 1) = 1, max(2, 3) = 3, max(-5, -2) = -2, max(4, 2) = 4; best 4. Match.

Another: -1 -1 -1 → -1. Kadane: -1, max(-1, -2) = -1, -1 → -1. Match.

The function handles n = 1 and reads exactly n values. Linear time. I am confident it is correct.`,
          answer: judged('Matches a brute force on small cases, including all-negative.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Try every start i and extend to every end j, keeping a running total. Start best at max(a) so it's never empty.

Sample 1 → 6, sample 2 → 3.

It's O(n^2). With n = 2*10^5 that might be slow, but the loop body is tiny.`,
        answer: `Every stretch with a running total.

${py(everyStretch)}`,
      },
      critiques: [
        {
          reasoning: `Correct by enumeration, but O(n^2): for n = 2*10^5 that is 2*10^10 additions, hours in CPython. The limit is 1 second.`,
          answer: judged('Quadratic; far too slow for n = 2·10^5.', 'wrong'),
        },
        {
          reasoning: `It enumerates every (i, j), so the value is right, including all-negative input (best starts at max(a)). But n(n+1)/2 ≈ 2*10^10 iterations will not finish within the time limit.`,
          answer: judged('Right answers, quadratic time: time limit exceeded.', 'wrong'),
        },
        {
          reasoning: `Double loop over all stretches with running sums: correct. best = max(a) handles the all-negative case. Samples 6 and 3. The inner loop is simple arithmetic, should be fine.`,
          answer: judged('Brute force, correct on the samples.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Prefix sums: the sum of a[l..r] is P[r] - P[l-1]. For each r the best stretch ending at r subtracts the smallest prefix before r (P[0] = 0 included). Compute the candidate before updating the smallest prefix so the stretch is non-empty.

Sample 1: prefixes -2, -1, -4, 0, -1, 1, 2, -3; smallest before each: 0, -2, -2, -4, -4, -4, -4, -4; differences -2, 1, -2, 4, 3, 5, 6, 1 → 6. Correct.
Sample 2: 3, 2, 1, 0, 3 with smallest 0 → 3. Correct.

answer starts below any possible sum (-10^19), so all-negative input works.`,
        answer: `Best stretch ending at r = prefix(r) − smallest earlier prefix. One pass.

${py(prefixMinimum)}`,
      },
      critiques: [
        {
          reasoning: `answer = max(prefix - smallest) with smallest the minimum prefix strictly before the current position (updated after). Non-empty stretches, correct maximum. Samples 6 and 3. All negative: -5 -2 -8 → -5, -2, -10 → -2. Linear.`,
          answer: judged('Correct prefix-sum formulation.', 'right'),
        },
        {
          reasoning: `answer is initialised to -10^19. The smallest possible sum is -10^9 * 2*10^5 = -2*10^14, so the sentinel is fine. But smallest starts at 0 and answer is computed as prefix - smallest: for the first element that is a[0] - 0, fine.

Hmm, one more thing: smallest = min(smallest, prefix) happens after, good. I think it is right, but I want to double check the all-negative case: -3 -1 → prefix -3: answer -3, smallest -3; prefix -4: answer max(-3, -4 + 3 = -1) = -1. Correct.

Wait, the sentinel -10**19 — if n = 0 it would be printed, but n >= 1. OK. Still, relying on a magic sentinel is fragile; I would prefer None. I'm not fully convinced about reading: data[1:n+1] could be shorter if input is malformed.`,
          answer: judged('Relies on a magic sentinel and unchecked input length; not convinced it is robust.', 'wrong'),
        },
        {
          reasoning: `The prefix/minimum-prefix approach computes max over r of (P[r] - min_{j<r} P[j]) which is exactly the maximum non-empty subarray sum. The update order is right. The sentinel is below any reachable sum. Linear time.`,
          answer: judged('Correct and efficient.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Kadane variant: cur starts at the first element; for each next x, if cur < 0 start over at x, else extend. best tracks the maximum; I'll start it at 0.

Sample 1: cur -2; 1 → 1; -3 → -2; 4 → 4; -1 → 3; 2 → 5; 1 → 6; -5 → 1. best 6. Correct.
Sample 2: 3; 2; 1; 0; 3 → best 3. Correct.`,
        answer: `Kadane: restart at x when the running sum is negative.

${py(zeroStart)}`,
      },
      critiques: [
        {
          reasoning: `best starts at 0 and is only updated from the second element on. Two bugs: for all-negative input the answer is 0 instead of the largest element; and for n = 1 the loop is empty, so a single positive value like 7 prints 0.`,
          answer: judged('best = 0 and a[0] never counted: fails all-negative input and n = 1.', 'wrong'),
        },
        {
          reasoning: `The first element is never compared with best: for "1\\n5" it prints 0. Also negative answers are impossible with best = 0.`,
          answer: judged('Misses a[0] and negative answers.', 'wrong'),
        },
        {
          reasoning: `best = 0 is wrong when all values are negative: the stretch must be non-empty. Example -4 -9 → prints 0, expected -4.`,
          answer: judged('All-negative input gives 0.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Use itertools.accumulate to build the prefix sums, then keep the lowest prefix seen before the current position (starting from the empty prefix 0). best starts at the first prefix, which is the first element: a valid non-empty stretch.

Sample 1: prefixes -2 -1 -4 0 -1 1 2 -3; lowest before: 0 -2 -2 -4 -4 -4 -4 -4 → best 6. Sample 2 → 3.

O(n) time, O(n) memory for the prefix list — fine for 2*10^5.`,
        answer: `Prefix sums with itertools.accumulate and a running minimum of earlier prefixes.

${py(accumulateMin)}`,
      },
      critiques: [
        {
          reasoning: `prefixes holds P[1..n]. lowest starts at 0 (P[0]) and is updated after the comparison, so p - lowest is always a non-empty stretch. best starts at prefixes[0] = a[0], a valid stretch.

All negative -5 -2 -8: prefixes -5, -7, -15; best: max(-5, -5 - 0) = -5, then lowest = -5; -7 - (-5) = -2 → best -2; lowest -7; -15 + 7 = -8. Result -2. Correct.

Samples 6 and 3. Linear.`,
          answer: judged('Correct prefix-minimum solution.', 'right'),
        },
        {
          reasoning: `The list of prefixes stores 2*10^5 Python ints: about 6 MB, fine for 256 MB.

But does accumulate include the initial 0? No, it starts at the first element. The loop compares p - lowest with lowest = 0 initially, so the empty prefix is considered. Correct.

However best = prefixes[0] and then the first iteration compares prefixes[0] - 0 again — harmless.

I think the logic is right, but building a full list of prefixes is unnecessary and the generator inside accumulate converts tokens lazily... Actually on reflection the n+1 slicing: data[1:n + 1] — right.

I'm fairly unsure about whether accumulate on a generator of 2*10^5 ints could be slow in the judge's Python. It should be fine, but the memory and speed are borderline for Pyodide.`,
          answer: judged('Logic seems right, but I am not confident about performance in the judge; borderline.', 'wrong'),
        },
        {
          reasoning: `Same structure as the classic max(P[r] - min P[j<r]). Initialising best with the first element is valid. n = 1: prefixes has one element, the loop runs once, best = max(a0, a0 - 0) = a0. Fine.

But the whole prefix list is materialised before the loop, and the tokens are converted inside a generator passed to accumulate. For 2*10^5 values that is a list of 2*10^5 big Python ints plus the token list from split(), both alive at once. In a constrained judge this might exceed the memory limit, and the two passes double the work.

I can't find a wrong answer, but I am not comfortable with the memory profile.`,
          answer: judged('Probably correct, but I remain unsure about memory on the largest input.', 'wrong'),
        },
      ],
    },
  ],
};
