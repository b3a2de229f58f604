/**
 * HAND-WRITTEN demo run for "Closest Readings" (public/problems/min-gap), Python, k = 10. No model
 * wrote these texts. The all-pairs program is so obviously correct that its critique is the
 * shortest of all — and it times out: the critique is fooled on complexity, and selection picks it
 * over the first sample, which was correct.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const py = (code: string): string => fence(code, 'python');

const sortedAdjacent = `
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
readings = sorted(map(int, data[1:1 + n]))
best = readings[1] - readings[0]
for i in range(2, n):
    gap = readings[i] - readings[i - 1]
    if gap < best:
        best = gap
print(best)
`;

const allPairs = `
n = int(input())
t = list(map(int, input().split()))
best = abs(t[0] - t[1])
for i in range(n):
    for j in range(i + 1, n):
        best = min(best, abs(t[i] - t[j]))
print(best)
`;

const inputOrder = `
n = int(input())
t = list(map(int, input().split()))
print(min(abs(t[i] - t[i + 1]) for i in range(n - 1)))
`;

const zipSorted = `
import sys

def main():
    values = list(map(int, sys.stdin.read().split()))
    n = values[0]
    s = sorted(values[1:1 + n])
    print(min(b - a for a, b in zip(s, s[1:])))

main()
`;

const allPairsBreak = `
import sys
data = sys.stdin.read().split()
n = int(data[0])
t = [int(x) for x in data[1:1 + n]]
best = None
for i in range(n):
    for j in range(i + 1, n):
        d = abs(t[i] - t[j])
        if best is None or d < best:
            best = d
            if best == 0:
                break
print(best)
`;

const neighboursOfMin = `
n = int(input())
temps = list(map(int, input().split()))
gaps = [abs(temps[i + 1] - temps[i]) for i in range(n - 1)]
print(min(gaps))
`;

const dedupSorted = `
n = int(input())
t = sorted(set(map(int, input().split())))
print(min(t[i + 1] - t[i] for i in range(len(t) - 1)))
`;

const pairwiseSorted = `
import sys
from itertools import pairwise

tokens = sys.stdin.read().split()
n = int(tokens[0])
ordered = sorted(int(x) for x in tokens[1:n + 1])
print(min(b - a for a, b in pairwise(ordered)))
`;

const insortScan = `
import sys
from bisect import insort

data = sys.stdin.read().split()
n = int(data[0])
seen = []
for token in data[1:n + 1]:
    insort(seen, int(token))
print(min(seen[i] - seen[i - 1] for i in range(1, len(seen))))
`;

const stringSort = `
n = int(input())
t = sorted(input().split())
print(min(abs(int(t[i + 1]) - int(t[i])) for i in range(n - 1)))
`;

export const CLOSEST_READINGS: HandwrittenRun = {
  id: 'closest-readings-handwritten',
  problemId: 'min-gap',
  caption: 'The critique is fooled: the shortest critique vouches for an O(n²) program that times out',
  language: 'python',
  m: 1,
  seed: 23,
  createdAt: '2026-11-30T09:10:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `We want the minimum |t_i - t_j| over all pairs. The key observation: after sorting, the closest pair must be adjacent in sorted order. If x < y < z then y - x and z - y are both at most z - x, so a non-adjacent pair is never better than the adjacent pairs between them.

So: sort, then take the minimum difference of neighbours. O(n log n), n is only 2*10^4 so this is instant.

Sample 1: 40 10 27 31 3 → sorted 3 10 27 31 40 → gaps 7, 17, 4, 9 → 4. Correct.
Sample 2: 5 -2 -2 → sorted -2 -2 5 → gaps 0, 7 → 0. Correct, duplicates give 0.

Negative readings are fine, the sorted differences are non-negative. Read everything at once with sys.stdin.buffer.`,
        answer: `Sort the readings; the closest pair is adjacent in sorted order, so scan neighbouring gaps. O(n log n).

${py(sortedAdjacent)}`,
      },
      critiques: [
        {
          reasoning: `The solution sorts and scans neighbouring differences.

Correctness: for sorted values, any pair (i, j) with j > i + 1 has difference t_j - t_i = sum of the neighbouring gaps between them, which is at least each of those gaps. So the minimum over all pairs equals the minimum neighbouring gap. Right.

best is initialised with the first gap, and the loop starts from i = 2, covering gaps (1,2), (2,3), ... So every neighbouring gap is considered. With n = 2 the loop is empty and best is the only gap. Good.

Duplicates: sorted keeps both, gap 0. Negative values: sorted order works on integers. Sample 1 gives 4, sample 2 gives 0.

Complexity O(n log n) with n = 2*10^4: fine. Input parsing via buffer split handles any whitespace.`,
          answer: judged('Sorting makes the closest pair adjacent; all neighbouring gaps are scanned; edge cases n = 2 and duplicates hold.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `The most direct approach is to compare every pair and keep the smallest absolute difference. That's guaranteed correct, no cleverness needed.

n is at most 2*10^4, so n^2 / 2 is 2*10^8 comparisons... that's a lot for Python. Hmm. But each step is just a subtraction and a min. Let me check the samples first.

Sample 1: pairs include (27, 31) with difference 4, nothing smaller. Output 4.
Sample 2: (-2, -2) gives 0. Output 0.

I'll go with the double loop, it is simple and obviously right.`,
        answer: `Compare every pair of readings and keep the smallest difference.

${py(allPairs)}`,
      },
      critiques: [
        {
          reasoning: `The double loop compares every pair i < j and keeps min |t_i - t_j|. That is the definition of the answer, so it is correct, including duplicates (difference 0) and negatives (abs). Samples give 4 and 0.`,
          answer: judged('Checks every pair directly; correct by definition.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `We need the smallest difference between two readings. The readings are a log over time, and neighbouring readings in the log are the natural candidates for being close.

So compute |t[i] - t[i+1]| for each consecutive pair and take the minimum.

Sample 1: 40 10 27 31 3 → 30, 17, 4, 28 → 4. Correct.
Sample 2: 5 -2 -2 → 7, 0 → 0. Correct.

Linear time, trivially fast.`,
        answer: `Take the minimum difference between consecutive readings. O(n).

${py(inputOrder)}`,
      },
      critiques: [
        {
          reasoning: `The solution computes the minimum absolute difference between consecutive readings in one pass.

Sample 1: consecutive differences 30, 17, 4, 28, minimum 4 — matches. Sample 2: 7 and 0, minimum 0 — matches the expected output.

abs handles negative readings, and duplicates that are next to each other give 0. n >= 2 guarantees at least one pair so min() of the generator is never empty.

It runs in O(n), which is more than fast enough for 2*10^4 readings. Input format: n on the first line, readings on the second, read with input(). Fine.`,
          answer: judged('Linear scan of consecutive differences; matches both samples.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Classic minimum-gap problem. Sorting is the standard trick: in sorted order the two closest values must be neighbours.

Proof sketch: take the optimal pair a <= b. Any value c strictly between them is closer to both, so a and b being optimal means no value lies strictly between them... well, or there are ties, which only make the gap smaller. Either way the minimum over neighbours equals the global minimum.

Plan: read all ints, sort, zip with itself shifted by one, minimum of b - a.

Sample 1 sorted: 3 10 27 31 40 → min gap 4. Sample 2 sorted: -2 -2 5 → 0. Good.`,
        answer: `Sort, then the minimum difference between neighbours.

${py(zipSorted)}`,
      },
      critiques: [
        {
          reasoning: `Reads all integers, n first, sorts the n readings and takes min(b - a) over neighbouring pairs via zip(s, s[1:]).

The adjacency argument is correct: in sorted order the difference of any non-adjacent pair is a sum of neighbouring gaps, each non-negative, so it is at least the smallest of them.

n >= 2 means zip yields at least one pair. Duplicates give 0. Negative numbers sort correctly as ints (they are converted with map(int, ...) before sorting, not compared as strings).

Samples: 4 and 0. Complexity O(n log n). Correct.`,
          answer: judged('Correct: sort plus neighbouring gaps, integers compared numerically.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Brute force over pairs, but with an early exit: once we find a difference of 0 nothing can beat it, so stop.

Sample 1: best starts at |40 - 10| = 30 and shrinks as pairs are checked, down to 4 from (27, 31). Sample 2: (5, -2) = 7, (5, -2) = 7, (-2, -2) = 0 → break.

The break only leaves the inner loop, but at 0 the answer is settled anyway.

Worst case is still all pairs, but typical inputs with duplicates end early.`,
        answer: `All pairs with an early exit once a zero gap is found.

${py(allPairsBreak)}`,
      },
      critiques: [
        {
          reasoning: `Correctness: it enumerates all pairs (the break only happens at 0, which is optimal), so the minimum is right.

Complexity: without duplicates there is no early exit, and the double loop does n(n-1)/2 = about 2*10^8 iterations for n = 2*10^4. CPython does on the order of 10^7 such iterations per second, so roughly 20 seconds. The time limit is 1 second.

Also the break leaves only the inner loop; the outer loop keeps going, so even with a zero gap it is still quadratic.`,
          answer: judged('Correct values, but quadratic: about 2·10^8 pair checks cannot finish within the time limit.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Compute the gaps between consecutive temperatures and take the smallest.

Sample 1: 40 10 27 31 3 → gaps 30, 17, 4, 28 → 4. Sample 2: 5 -2 -2 → 7, 0 → 0. Both right.

That's O(n).`,
        answer: `Minimum of the gaps between consecutive readings.

${py(neighboursOfMin)}`,
      },
      critiques: [
        {
          reasoning: `This only compares readings that are next to each other in the log. The statement asks for the smallest difference between any two readings, "wherever they appear in the log".

Counterexample: 1 50 100 150 2. Consecutive gaps are 49, 50, 50, 148 → 49. But |1 - 2| = 1.

The samples happen to have their closest pair adjacent. The fix is to sort first.`,
          answer: judged('Compares only neighbours in input order; the closest pair can be far apart (1 50 100 150 2 → prints 49, answer 1).', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Sort the readings and look at neighbouring differences. I'll put them into a set first to get rid of repeated values, then sort — that way each value appears once and the gaps are between distinct readings.

Sample 1: set {40, 10, 27, 31, 3} → sorted 3 10 27 31 40 → min gap 4. Good.

Sample 2: 5 -2 -2 → set {5, -2} → sorted -2 5 → gap 7. Expected 0. Hmm... wait, that's a problem for sample 2? Let me re-read: "smallest |t_i - t_j| over all i != j". With i != j the two -2s are different readings, so 0. Hmm, but I already removed duplicates...

Actually, let me keep the set and simply sort. I'll double check the idea once more: the sorted distinct values, adjacent gaps. Yes, that's the minimum gap.`,
        answer: `Deduplicate, sort, and take the smallest neighbouring gap.

${py(dedupSorted)}`,
      },
      critiques: [
        {
          reasoning: `The solution converts to a set, sorts, and takes the minimum neighbouring difference.

Sorting and taking neighbouring differences is the standard O(n log n) approach and is correct for the minimum gap. The set removes repeated values before sorting; gaps between distinct values are what the sorted scan looks at.

Sample 1: 3 10 27 31 40 → 4. Correct.

Complexity is O(n log n), well within limits. The code is short and clean.`,
          answer: judged('Standard sort-and-scan in O(n log n).', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Sorting approach. Python 3.10+ has itertools.pairwise, which gives consecutive pairs of the sorted list directly; clean and fast.

Why sorting works: the minimum difference over all pairs equals the minimum over neighbours in sorted order, since a gap spanning other values is a sum of smaller non-negative gaps.

Edge cases: duplicates → 0, n = 2 → single pair, negatives → fine since we sort ints.

Sample 1 → 4, sample 2 → 0.

Parsing: read all tokens, first is n, then the next n tokens as ints.`,
        answer: `Sort and take the smallest gap between neighbours (itertools.pairwise).

${py(pairwiseSorted)}`,
      },
      critiques: [
        {
          reasoning: `itertools.pairwise exists from Python 3.10; the judge runs a recent CPython, so it is available.

The generator converts tokens to int before sorting, so the order is numeric. min over pairwise(ordered) of b - a gives the smallest neighbouring gap, which equals the global minimum for sorted values. n >= 2 so pairwise is non-empty.

Sample 1 → 4, sample 2 → 0. Complexity O(n log n).

I do not see any issue.`,
          answer: judged('Correct sorted-neighbour scan with numeric sorting.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Maintain a sorted list as readings arrive, using bisect.insort; at the end the list is sorted, and the minimum gap is between neighbours.

insort is O(n) per insertion because of the list shift, so O(n^2) element moves in total, but those are memmove operations in C, very fast. For n = 2*10^4 that's around 2*10^8 bytes moved at worst, fine.

Sample 1: inserting 40, 10, 27, 31, 3 → [3, 10, 27, 31, 40] → 4. Sample 2: → [-2, -2, 5] → 0.`,
        answer: `Build the sorted list with insort, then scan neighbouring gaps.

${py(insortScan)}`,
      },
      critiques: [
        {
          reasoning: `insort keeps seen sorted, so at the end it is the sorted readings. The minimum over i of seen[i] - seen[i-1] is the minimum neighbouring gap, hence the answer.

Complexity: each insort does a binary search plus a list insertion. The insertion shifts elements, which is O(n) but implemented as a memmove in C. For n = 2*10^4, the total shifting is at most n^2/2 pointer moves = 2*10^8 pointers ≈ 1.6 GB of memory traffic in the very worst case, but on average half that and memmove is fast, so it should be well under a second. Honestly it would be cleaner to just call sorted(), which is O(n log n).

Duplicates: insort places equal values next to each other, gap 0. Samples 4 and 0. Correct.`,
          answer: judged('Correct; insort is quadratic in moves but fast in practice for n = 2·10^4.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Sort the readings and check adjacent differences. I'll sort the tokens as read and convert when subtracting.

Sample 1: tokens "40" "10" "27" "31" "3" sorted → "10" "27" "3" "31" "40"... hmm, that's string order. Differences: 17, 24, 28, 9 → 9. Expected 4. Wait, that's not right, let me reconsider... the sort should be fine, I convert with int() in the difference.

I'll trust the approach: sort then adjacent differences.`,
        answer: `Sort and compare adjacent readings.

${py(stringSort)}`,
      },
      critiques: [
        {
          reasoning: `sorted(input().split()) sorts strings, not numbers: "10" < "27" < "3" < "31" < "40". The adjacent pairs in string order are not the adjacent pairs in numeric order.

Sample 1: string order 10, 27, 3, 31, 40 → differences 17, 24, 28, 9 → 9, but the expected output is 4. Negative values are also ordered wrongly ("-2" vs "-10").

It fails the first sample.`,
          answer: judged('Sorts the readings as strings; fails sample 1 (prints 9, expected 4).', 'wrong'),
        },
      ],
    },
  ],
};
