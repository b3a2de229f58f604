/**
 * HAND-WRITTEN demo run for "Bus Stops" (public/problems/multiples), Python, k = 6. No model wrote
 * these texts. The first sample has the classic off-by-one at the left end that both samples miss;
 * its critique catches it, and the shortest critique judged right belongs to a correct program.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const py = (code: string): string => fence(code, 'python');

const floorDifference = `
a, b, k = map(int, input().split())
print(b // k - a // k)
`;

const prefixCount = `
a, b, k = map(int, input().split())
# multiples of k in [1, x] number x // k; subtract those below a
print(b // k - (a - 1) // k)
`;

const walk = `
a, b, k = map(int, input().split())
count = 0
for marker in range(a, b + 1):
    if marker % k == 0:
        count += 1
print(count)
`;

const firstStop = `
import sys

def main():
    a, b, k = map(int, sys.stdin.readline().split())
    first = (a + k - 1) // k * k  # smallest multiple of k that is >= a
    if first > b:
        print(0)
    else:
        print((b - first) // k + 1)

main()
`;

const lengthOverK = `
a, b, k = map(int, input().split())
stops = (b - a) // k + 1
print(stops)
`;

const ceilFloat = `
import math

a, b, k = map(int, input().split())
first_index = math.ceil(a / k)
last_index = b // k
print(max(0, last_index - first_index + 1))
`;

export const BUS_STOPS: HandwrittenRun = {
  id: 'bus-stops-handwritten',
  problemId: 'multiples',
  caption: 'Selection rescues a wrong first sample: the critique spots the off-by-one at a that both samples miss',
  language: 'python',
  m: 1,
  seed: 11,
  createdAt: '2026-11-30T09:00:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `We need to count multiples of k between a and b inclusive. Values go up to 10^18, so no loop over the range; it has to be arithmetic.

The number of multiples of k in [1, x] is x // k. So the count in the range should be b // k minus a // k.

Sample 1: a=5, b=20, k=4. 20//4 = 5, 5//4 = 1, difference 4. The stops are 8, 12, 16, 20 — four. Good.
Sample 2: a=1, b=10, k=3. 10//3 = 3, 1//3 = 0, difference 3 (3, 6, 9). Good.

Python integers are unbounded so 10^18 is no problem. O(1).`,
        answer: `Count multiples up to b and subtract the multiples up to a.

${py(floorDifference)}`,
      },
      critiques: [
        {
          reasoning: `The solution prints b // k - a // k.

b // k counts multiples in [1, b]. a // k counts multiples in [1, a] — and that includes a itself if a is a multiple of k. But a is inside the walk, so it must not be subtracted. The right subtraction is the multiples in [1, a-1], that is (a - 1) // k.

Test: a = 12, b = 30, k = 6. Stops at 12, 18, 24, 30: four. The code gives 30//6 - 12//6 = 5 - 2 = 3. Wrong.

Both samples happen to have a that is not a multiple of k (5 with k=4, 1 with k=3), so they pass, but the formula is off by one whenever k divides a. Also a = b = k (a single marker that is a stop) gives 0 instead of 1.`,
          answer: judged('Off by one: when k divides a, the stop at a is subtracted away (12 30 6 gives 3 instead of 4). It should subtract (a - 1) // k.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Count x in [a, b] with x % k == 0, with a, b up to 10^18, so a formula.

Let f(x) = number of multiples of k in [1, x] = x // k. Then the answer is f(b) - f(a - 1). Careful with the boundary: I must subtract multiples strictly below a, which is f(a - 1), not f(a), otherwise a itself gets lost when it is a stop.

Check sample 1: f(20) = 5, f(4) = 1, answer 4. Sample 2: f(10) = 3, f(0) = 0, answer 3. And an edge case: a = b = 7, k = 7: f(7) - f(6) = 1 - 0 = 1. Correct, the single marker is a stop.

a >= 1, so a - 1 >= 0 and floor division is on non-negative numbers, no sign issues.`,
        answer: `The answer is (multiples up to b) − (multiples below a) = b // k − (a − 1) // k.

${py(prefixCount)}`,
      },
      critiques: [
        {
          reasoning: `b // k - (a - 1) // k: multiples in [1, b] minus multiples in [1, a-1], so exactly the multiples in [a, b]. a >= 1 keeps a - 1 non-negative. Samples: 5 - 1 = 4 and 3 - 0 = 3. Constant time, exact integers.`,
          answer: judged('Correct inclusion–exclusion on prefix counts; handles a being a stop.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Simple approach: walk from a to b and count markers divisible by k. That's obviously correct.

Sample 1: 5..20 with k=4: 8, 12, 16, 20 → 4. Sample 2: 1..10 with k=3: 3, 6, 9 → 3.

The range could be big in principle, but a loop with a modulo is cheap. Let me just write it plainly.`,
        answer: `Walk over every marker and count the ones divisible by k.

${py(walk)}`,
      },
      critiques: [
        {
          reasoning: `The loop visits every marker from a to b. Correct for small inputs, but b - a can be close to 10^18. Even at 10^7 iterations per second that is about 3000 years. The time limit is one second.

Correctness of the count itself is fine, the complexity is not.`,
          answer: judged('Correct count but linear in b − a, which can be 10^18: it will time out.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Another way to think about it: find the first stop at or after a, then count how many steps of k fit before b.

The first multiple of k that is >= a is ceil(a / k) * k. With integers: (a + k - 1) // k * k. Don't use floating point here — a and k go up to 10^18, and doubles only have 53 bits of mantissa.

If that first stop is beyond b, the answer is 0. Otherwise the stops are first, first + k, ..., up to b, so (b - first) // k + 1 of them.

Sample 1: a=5, k=4: first = (5+3)//4*4 = 8. (20-8)//4 + 1 = 3 + 1 = 4. Good.
Sample 2: a=1, k=3: first = 3. (10-3)//3 + 1 = 2 + 1 = 3. Good.
a = 8, b = 8, k = 7: first = 14 > 8, answer 0. Good.`,
        answer: `Find the first stop at or after a with integer ceiling division, then count the steps of k up to b.

${py(firstStop)}`,
      },
      critiques: [
        {
          reasoning: `first = (a + k - 1) // k * k is the smallest multiple of k that is at least a, computed in exact integers. If first > b there is no stop. Otherwise the stops form an arithmetic progression from first with step k, and the number of terms not exceeding b is (b - first) // k + 1.

Check a = 12, b = 30, k = 6: first = 17 // 6 * 6 = 12, (30 - 12) // 6 + 1 = 4. Stops 12, 18, 24, 30. Correct.
Check k > b: a = 3, b = 10, k = 11: first = 11 > 10 → 0. Correct.
Huge values: a = b = 10^18, k = 1: first = 10^18, answer 1. Python big ints, no overflow.

Samples give 4 and 3. Input read with readline, one line, fine.`,
          answer: judged('Exact integer ceiling, correct progression count, edge cases hold.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `The walk from a to b covers b - a + 1 markers. Stops appear every k markers, so the number of stops is about (b - a) / k, plus one for the starting stop.

Sample 1: (20 - 5) // 4 + 1 = 3 + 1 = 4. Matches.

So the formula is (b - a) // k + 1. That's O(1) and works for 10^18.`,
        answer: `Stops come every k markers along the b − a + 1 markers walked.

${py(lengthOverK)}`,
      },
      critiques: [
        {
          reasoning: `The code prints (b - a) // k + 1.

The idea is that along a walk of length b - a there is a stop every k kilometres, plus the one where we start. For sample 1: 15 // 4 + 1 = 4, the expected output.

The formula is constant time and uses Python integers, so 10^18 is fine. Reading: one line with three integers, split and map, fine.

Edge: a = b. Then it prints 0 // k + 1 = 1. A single marker... the walk covers one marker, and the formula says one stop. The spacing argument gives the right number of stops for an interval whose length is a multiple of k, and the floor handles the remainder.

The arithmetic is straightforward and matches the sample, so I believe it is correct.`,
          answer: judged('Counts the stops along the walk in constant time; matches the sample.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Index the stops by i: stop i is at i * k. The stops inside [a, b] are those with a <= i*k <= b, so ceil(a/k) <= i <= floor(b/k).

The count is floor(b/k) - ceil(a/k) + 1, clamped at 0 when the range is empty.

Sample 1: ceil(5/4) = 2, 20//4 = 5, 5 - 2 + 1 = 4. Sample 2: ceil(1/3) = 1, 10//3 = 3, 3 - 1 + 1 = 3.

math.ceil(a / k) is the easiest way to get the ceiling.`,
        answer: `Stops are i·k for ceil(a/k) ≤ i ≤ floor(b/k); count the indices.

${py(ceilFloat)}`,
      },
      critiques: [
        {
          reasoning: `The index range ceil(a/k)..floor(b/k) is right in principle, and the clamp at 0 handles empty ranges.

But a / k is true division: it converts to a float. a is up to 10^18, and a double has a 53-bit mantissa (about 9*10^15 exactly). For a = 10^18 - 1 and k = 1, a / k becomes 1e18 exactly, ceil gives 10^18 instead of 10^18 - 1, and the answer loses one. More generally whenever a is a multiple of k and large, rounding can push a/k just above an integer and ceil adds one.

This needs integer ceiling: (a + k - 1) // k or -(-a // k).`,
          answer: judged('math.ceil(a / k) goes through a float and is inexact for values near 10^18; use integer ceiling division.', 'wrong'),
        },
      ],
    },
  ],
};
