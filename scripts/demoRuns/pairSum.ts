/**
 * HAND-WRITTEN demo run for "Two That Add Up" (public/problems/pair-sum), C++, k = 6. No model
 * wrote these texts. The problem has several correct outputs, so a custom output validator judges
 * any valid pair. Three correct programs print three different pairs for the first sample (1 3,
 * 4 2, 3 5) and the validator accepts all of them — yet the first sample's critique insists the
 * output must be the sample's `2 4` and rejects a correct program. The critiques catch a
 * self-pair bug and 0-based positions, but one misses 32-bit wraparound of t (up to 4·10⁹).
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const hashFirstSeen = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long t;
    scanf("%d %lld", &n, &t);
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    // value -> first position where it was seen (0-based)
    unordered_map<long long, int> seen;
    seen.reserve(2 * n);
    for (int j = 0; j < n; j++) {
        auto it = seen.find(t - a[j]);
        if (it != seen.end()) {
            printf("%d %d\\n", it->second + 1, j + 1);
            return 0;
        }
        seen.emplace(a[j], j);
    }
    puts("none");
    return 0;
}
`;

const twoPointers = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long t;
    scanf("%d %lld", &n, &t);
    vector<pair<long long, int>> v(n);
    for (int i = 0; i < n; i++) {
        scanf("%lld", &v[i].first);
        v[i].second = i + 1;
    }
    sort(v.begin(), v.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long s = v[lo].first + v[hi].first;
        if (s == t) {
            printf("%d %d\\n", v[lo].second, v[hi].second);
            return 0;
        }
        if (s < t) lo++;
        else hi--;
    }
    puts("none");
    return 0;
}
`;

const lookupTable = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long t;
    scanf("%d %lld", &n, &t);
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    unordered_map<long long, int> where;
    for (int i = 0; i < n; i++) where[a[i]] = i;
    for (int i = 0; i < n; i++) {
        auto it = where.find(t - a[i]);
        if (it != where.end()) {
            printf("%d %d\\n", i + 1, it->second + 1);
            return 0;
        }
    }
    puts("none");
    return 0;
}
`;

const intComplement = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, t;
    scanf("%d %d", &n, &t);
    vector<int> a(n);
    for (auto &x : a) scanf("%d", &x);
    unordered_map<int, int> seen;
    for (int j = 0; j < n; j++) {
        int need = t - a[j];
        auto it = seen.find(need);
        if (it != seen.end()) {
            printf("%d %d\\n", it->second + 1, j + 1);
            return 0;
        }
        seen.emplace(a[j], j);
    }
    puts("none");
    return 0;
}
`;

const zeroBased = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long t;
    scanf("%d %lld", &n, &t);
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    map<long long, int> seen;
    for (int j = 0; j < n; j++) {
        auto it = seen.find(t - a[j]);
        if (it != seen.end()) {
            printf("%d %d\\n", it->second, j);
            return 0;
        }
        seen[a[j]] = j;
    }
    printf("none\\n");
    return 0;
}
`;

const fromTheRight = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long t;
    cin >> n >> t;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    map<long long, int> later;  // values to the right of i -> a position holding them
    for (int i = n - 1; i >= 0; i--) {
        auto it = later.find(t - a[i]);
        if (it != later.end()) {
            cout << i + 1 << ' ' << it->second + 1 << '\\n';
            return 0;
        }
        later[a[i]] = i;
    }
    cout << "none\\n";
    return 0;
}
`;

export const PAIR_SUM: HandwrittenRun = {
  id: 'pair-sum-handwritten',
  problemId: 'pair-sum',
  caption:
    'Several correct outputs: the validator accepts three different pairs, but the first sample’s critique insists on the sample’s 2 4 and rejects a correct program',
  language: 'cpp',
  m: 1,
  seed: 13,
  createdAt: '2026-11-30T17:00:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Classic two-sum. n is up to 2·10^5, so checking all pairs is 2·10^10 operations — far too slow. A hash map from value to position gives O(n).

Scan left to right. For each a_j, the partner it needs is t - a_j. If that value was already seen at some earlier position i, then i < j, so the two positions are automatically different and I can print them. Only after the lookup do I insert a_j, which is exactly what stops a number from pairing with itself (e.g. t = 10 and a single 5).

Ranges: a_i up to 2·10^9 in absolute value and t up to 4·10^9 — neither fits in a 32-bit int, so everything is long long, including t - a_j.

Sample 1: t = 9, a = 4 7 5 2 4. j=1 (4): need 5, not seen. j=2 (7): need 2, no. j=3 (5): need 4, seen at position 1. Prints 1 3. The sample shows 2 4, but the statement says any pair is accepted, and a_1 + a_3 = 4 + 5 = 9. Fine.

Sample 2: nothing adds up to 100, prints none. Positions are printed 1-based (stored 0-based, +1 on output).`,
        answer: `One pass with a hash map from value to the first position it appeared at; look the partner up before inserting, so a banknote never pairs with itself. 64-bit throughout.

${cpp(hashFirstSeen)}`,
      },
      critiques: [
        {
          reasoning: `Let me run the first sample through this. n = 5, t = 9, a = 4 7 5 2 4.

j = 0: a = 4, need 5, map empty. Insert 4 → 0.
j = 1: a = 7, need 2, not there. Insert 7 → 1.
j = 2: a = 5, need 4, found at 0. Prints "1 3".

The expected output for sample 1 is "2 4". The program prints "1 3". Those are different positions, not just a different order — 2 4 would be the 7 and the 2, while this picks the 4 and the 5.

Hmm, 4 + 5 is also 9. But the judge compares the output with the expected answer, and the expected answer is 2 4. A solution has to find the pair the problem setter intended. Looking at the sample, the intended pair seems to be the first position whose partner appears anywhere — position 2 (7) pairs with position 4 (2). This program instead stops at the first j whose partner appears earlier, which finds a different pair.

The rest is fine: long long everywhere, lookup before insert avoids using the same banknote twice, "none" for sample 2. But since it does not reproduce the sample output, it would fail sample 1.`,
          answer: judged('Prints 1 3 on the first sample where 2 4 is expected; it finds a different pair than the intended one, so it fails the sample.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Two positions with a_i + a_j = t. Sorting plus two pointers is the textbook way, O(n log n), and it needs no hashing.

I must keep the original positions, so sort pairs (value, original 1-based position). Then lo at the smallest, hi at the largest. If the sum is too small, move lo right; too big, move hi left; equal, print both stored positions. lo < hi guarantees two different elements, so a single 5 can never be used twice for t = 10, while two separate 5s can.

Overflow: values are up to 2·10^9, so a sum is up to 4·10^9 — over INT_MAX. long long for values, sum and t.

Sample 1: sorted (2,4) (4,1) (4,5) (5,3) (7,2). lo=(2,4), hi=(7,2): 2 + 7 = 9. Prints 4 2. The sample answer is 2 4 — same pair, other order, and the statement allows either order (and any pair).

Sample 2: 1+3 = 4 < 100, lo moves, 2+3 < 100, lo meets hi → none.`,
        answer: `Sort (value, position) pairs and close in with two pointers; 64-bit sums, original 1-based positions printed.

${cpp(twoPointers)}`,
      },
      critiques: [
        {
          reasoning: `Sorted two pointers with original positions kept. lo < hi means two distinct elements, so no self-pair. long long for t and sums (4·10^9 > INT_MAX). Positions stored 1-based.

Sample 1 gives 4 2 — the sample's pair in the other order, which the statement accepts. Sample 2: none. O(n log n).`,
          answer: judged('Correct two-pointer search on sorted values with 64-bit sums and 1-based positions.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Use a lookup table: map each value to a position where it occurs. Then for every i, check whether t - a_i is in the table. That is O(n) with an unordered_map.

Build the table first, then scan. If a value appears several times the table keeps the last position, which doesn't matter — any occurrence works.

long long for the values and t, since t can be 4·10^9.

Sample 1: table 4→5 (last occurrence), 7→2, 5→3, 2→4. i=1 (4): need 5 → position 3. Prints 1 3. 4 + 5 = 9, accepted since any pair works.

Sample 2: for every value the partner (99, 98, 97) is missing → none.

Output is 1-based: i + 1 and the stored index + 1.`,
        answer: `Put every value in a hash table, then look up each value's partner t − a_i.

${cpp(lookupTable)}`,
      },
      critiques: [
        {
          reasoning: `The table is built from the whole array before any lookup, so when a_i's partner is a_i itself, the lookup finds a_i's own position.

Take n = 4, t = 10, a = 5 1 2 3. The table maps 5 → 0. At i = 0 the partner is 10 - 5 = 5, found at 0, and the program prints "1 1" — the same banknote twice. The statement requires two different banknotes, i ≠ j; the correct answer here is none.

Same with n = 1, t = 0, a = 0: prints "1 1" instead of none.

When there are two 5s it happens to work only because the table holds the last one. The fix is to check it->second != i, or to insert after the lookup in a single left-to-right pass.

The types are fine (long long) and positions are 1-based, so only the self-pair is wrong.`,
          answer: judged('Pairs a banknote with itself: for t = 10 and a single 5 it prints "1 1" instead of none. It must require different positions.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Two-sum with a hash map, one pass: for each a_j look for t - a_j among the earlier values, then insert a_j. Looking up before inserting means a number is never matched with itself.

Types: the values are between -2·10^9 and 2·10^9, and INT_MAX is 2147483647 ≈ 2.147·10^9, so they fit in int. An unordered_map<int, int> is a bit lighter than with long long keys.

Sample 1: 4 7 5 2 4, t = 9. j=3 (5) needs 4, seen at position 1 → prints 1 3. Any pair is fine per the statement.

Sample 2: none.

O(n) expected time; scanf for speed.`,
        answer: `Single pass: look up t − a_j among earlier values, then record a_j.

${cpp(intComplement)}`,
      },
      critiques: [
        {
          reasoning: `Let me check the bounds first. |a_i| <= 2·10^9 and INT_MAX = 2 147 483 647, so every value fits in a 32-bit int. Good.

Lookup happens before the insert, so at step j only positions < j are in the map: no banknote is used twice. If there are two equal values, e.g. 5 and 5 with t = 10, the first 5 is inserted and the second finds it. Good.

Output: it->second + 1 and j + 1, both 1-based, and it->second < j so they differ.

Sample 1: prints 1 3 (4 + 5 = 9), a valid pair; the sample's "2 4" is just one of the accepted answers.

Sample 2: no partner is ever found → none.

Complexity: O(n) expected with unordered_map, n = 2·10^5 is fine. scanf is fast.

Edge: n = 1 → the loop finds nothing → none. Correct.

I don't see a problem with it.`,
          answer: judged('Single-pass hash lookup with no self-pairing, 1-based output, values fit in int; correct.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Keep a map from value to index of what I've seen so far. For each new element, check if t - a[j] is in the map; if yes, print the two indices.

long long for t and values, t can reach 4·10^9.

Sample 1: 4 7 5 2 4 with t = 9. j=0: need 5, no. j=1: need 2, no. j=2: need 4 → index 0. So it prints 0 2.

The sample output is 2 4, but the statement says when several pairs work any of them is accepted, so a different pair is fine: 4 + 5 = 9.

Sample 2: prints none.

std::map is O(log n) per operation, fine for 2·10^5.`,
        answer: `Map from value to index of earlier elements; print the pair as soon as the partner appears.

${cpp(zeroBased)}`,
      },
      critiques: [
        {
          reasoning: `The map stores j, the 0-based loop index, and the print uses it->second and j as they are.

The statement says positions are counted from 1 (1 <= i, j <= n). On sample 1 the program prints "0 2": position 0 does not exist. It means banknotes 1 and 3 (4 + 5 = 9), but as positions 0 2 is invalid, and on other inputs it names the wrong banknotes.

Everything else is right (64-bit, lookup before insert), but it needs +1 on both positions.`,
          answer: judged('Prints 0-based indices ("0 2" on sample 1); the output must be 1-based positions.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Another angle on two-sum: scan from the right, and keep a map of the values to the right of the current position. For position i, if t - a_i is already among the later values, those are two different positions (the later one is strictly greater than i), so print them.

Because I check before inserting a_i, a lone 5 with t = 10 is never matched with itself, and two separate 5s are found.

Types: values up to 2·10^9 and t up to 4·10^9, so long long. t - a_i is at most 6·10^9 in absolute value, still fine.

Input can be 2·10^5 numbers — I'll use cin with sync_with_stdio(false), which is as fast as scanf.

Sample 1: from the right: i=5 (4) needs 5 — nothing yet; i=4 (2) needs 7 — no; i=3 (5) needs 4 — position 5 holds 4. Prints 3 5. The statement even lists 5 3 as accepted, and 5 + 4 = 9.

Sample 2: none.`,
        answer: `Scan from the right with a map of the later values; lookup before insert prevents a self-pair; 64-bit values, 1-based output.

${cpp(fromTheRight)}`,
      },
      critiques: [
        {
          reasoning: `Right-to-left scan: at position i the map holds only positions > i, so the printed pair has i < j and two distinct banknotes; equal values at two positions are still found.

long long for t (up to 4·10^9) and for t - a_i. Output i + 1 and it->second + 1: 1-based.

Sample 1 prints 3 5, which the statement itself lists (as 5 3) among the accepted answers. Sample 2: none. O(n log n) with std::map and untied cin — fast enough for 2·10^5.`,
          answer: judged('Correct: distinct positions by construction, 64-bit arithmetic, 1-based output.', 'right'),
        },
      ],
    },
  ],
};
