/**
 * HAND-WRITTEN demo run for "Dry Spell" (public/problems/dry-spell), C++, k = 6. No model wrote
 * these texts. Every critique says wrong — two of them for real bugs, the others for imagined
 * ones — so no candidate is judged right and every selector that needs one falls back to a
 * uniform pick among all candidates, whose expected correctness is exactly pass@1.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const runLoop = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int best = 0, current = 0;
    for (int i = 0; i < n; i++) {
        int r;
        cin >> r;
        if (r == 0) {
            current++;
            best = max(best, current);
        } else {
            current = 0;
        }
    }
    cout << best << endl;
    return 0;
}
`;

const closeOnRain = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    int longest = 0, run = 0;
    for (int i = 0; i < n; i++) {
        int mm;
        cin >> mm;
        if (mm > 0) {
            longest = max(longest, run);
            run = 0;
        } else {
            run++;
        }
    }
    cout << longest << "\\n";
}
`;

const getlineParse = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    string line;
    getline(cin, line);
    stringstream ss(line);
    int r, run = 0, best = 0;
    while (ss >> r) {
        run = (r == 0) ? run + 1 : 0;
        best = max(best, run);
    }
    cout << best << "\\n";
}
`;

const scanfLoop = `
#include <cstdio>
#include <algorithm>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    int best = 0, streak = 0;
    for (int i = 0; i < n; i++) {
        int r;
        scanf("%d", &r);
        streak = (r == 0) ? streak + 1 : 0;
        best = std::max(best, streak);
    }
    printf("%d\\n", best);
    return 0;
}
`;

const vectorRuns = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> rain(n);
    for (auto &x : rain) cin >> x;
    int best = 0;
    int start = -1;
    for (int i = 0; i < n; i++) {
        if (rain[i] == 0 && start < 0) start = i;
        if (rain[i] != 0 && start >= 0) {
            best = max(best, i - start);
            start = -1;
        }
    }
    cout << best << "\\n";
}
`;

const tokenRuns = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int best = 0, run = 0;
    string token;
    for (int i = 0; i < n && cin >> token; i++) {
        if (token == "0") {
            best = max(best, ++run);
        } else {
            run = 0;
        }
    }
    cout << best << '\\n';
}
`;

export const DRY_SPELL: HandwrittenRun = {
  id: 'dry-spell-handwritten',
  problemId: 'dry-spell',
  caption: 'Every candidate judged wrong: selection falls back to a uniform pick, worth exactly pass@1',
  language: 'cpp',
  m: 1,
  seed: 31,
  createdAt: '2026-11-30T09:20:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Longest run of consecutive zeros in a list. Keep a counter of the current dry run; on a zero, increment it and update the best; on rain, reset it to zero.

Updating best inside the zero branch matters: if the longest spell runs until the last day, there is no rainy day after it to "close" it, so I must record it as it grows.

n can be 0. Then the loop does nothing and best stays 0, which is what the statement wants. The second line is empty in that case, and cin just never reads from it.

Up to 10^5 numbers: untie cin from stdio so reading stays fast.

Sample 1: 0 0 3 0 0 0 1 0 → runs 2, 3, 1 → 3. Sample 2: 2 0 7 → 1. Good.`,
        answer: `One pass: count the current run of dry days and record the maximum as it grows (so a spell that lasts until the last day counts).

${cpp(runLoop)}`,
      },
      critiques: [
        {
          reasoning: `The loop counts consecutive zeros and updates best within the zero branch. Sample 1 gives 3, sample 2 gives 1.

But consider n = 0: the statement says the second line is empty. The program does cin >> n and then... the loop is skipped, fine. However, cin >> n on a line followed by an empty line: is the stream in a good state? If a later read is attempted it would fail. Here no read is attempted, but endl flushes... Hmm, the output for n = 0 should be 0, and best is 0.

Still, there is no check that n values are actually read: if the input has fewer numbers than n, r is left uninitialised... in that case r could be zero and be counted as a dry day. The code should verify each read succeeds. Without that, I can't be confident it handles malformed or edge-case inputs, and the empty-day case is exactly such an input.`,
          answer: judged('Reads of r are not checked; on the empty-input edge case an uninitialised r could be miscounted.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Scan the days. While it is dry, extend the run. When it rains, the run ends: compare it with the longest so far and reset.

Sample 1: 0 0 3 → run 2 ends at the 3, longest 2. 0 0 0 1 → run 3 ends, longest 3. Then 0 → run 1. Output 3. Correct.
Sample 2: 2 → run 0. 0 → run 1. 7 → longest 1. Output 1. Correct.

n = 0: nothing read, prints 0.`,
        answer: `Close each dry run when rain falls and keep the longest.

${cpp(closeOnRain)}`,
      },
      critiques: [
        {
          reasoning: `The run is compared with longest only when rain falls. If the data ends during a dry spell, that last run is never compared.

Example: 3 days "5 0 0" → run is 2 at the end, but longest stays 0. Output 0, expected 2. Same for all-dry input: "0 0 0" prints 0 instead of 3.

Sample 1 ends with a single dry day, which is shorter than the earlier spell of 3, so the bug is hidden. A final longest = max(longest, run) after the loop is missing.`,
          answer: judged('A dry spell that lasts to the last day is never counted ("0 0 0" prints 0).', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read n, then the whole second line as a string and parse it with a stringstream. This handles n = 0 nicely: the line is empty and the while loop does nothing.

For each value: zero extends the run, anything else resets it; track the best.

Sample 1 → 3, sample 2 → 1.`,
        answer: `Read the rainfall line with getline and scan it.

${cpp(getlineParse)}`,
      },
      critiques: [
        {
          reasoning: `After cin >> n, the newline that ends the first line is still in the stream. getline(cin, line) then reads the rest of the first line — an empty string — not the second line.

So ss is empty, the loop never runs, and the program prints 0 for every input. Sample 1 expects 3.

Needs cin >> ws or an extra getline before reading the data line.`,
          answer: judged('getline after cin >> n reads the empty remainder of the first line; always prints 0.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Straightforward streak counting with scanf for speed (10^5 numbers is not much, but still).

streak = r == 0 ? streak + 1 : 0; best = max(best, streak). Update best every step so that a streak at the very end is counted.

If scanf fails to read n, return; otherwise n = 0 gives 0 without reading anything.

Sample 1: streaks 1 2 0 1 2 3 0 1 → best 3. Sample 2: 0 1 0 → 1.`,
        answer: `Count the current streak of dry days, updating the best at every day.

${cpp(scanfLoop)}`,
      },
      critiques: [
        {
          reasoning: `The streak logic is standard. But best is updated on every day, including rainy days — after a rainy day streak is 0, and max(best, 0) is harmless. On dry days, best is updated while the spell is still running.

Wait — the problem asks for the longest dry spell. A spell that is still running at the end of the record has not ended; we do not know that it is a complete spell. Counting it as a spell of its current length seems questionable. The more careful reading is that a spell is a run between rainy days, and the solution counts runs that are cut off by the end of the data.

Also scanf's return value is ignored inside the loop.

I think the intended answer excludes the unfinished spell, so this overcounts.`,
          answer: judged('Counts a dry run that is cut off by the end of the record as a spell; also ignores scanf failures.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Store the rainfall in a vector. Remember where the current dry spell started (start = -1 if none). When rain falls after a dry stretch, the spell length is i - start.

Sample 1: 0 0 3 → spell from 0 to 2, length 2. 0 0 0 1 → from 3 to 6, length 3. Last 0 starts a spell at 7 that never ends. Best 3. Correct.
Sample 2: 2 0 7 → spell from 1 to 2, length 1. Correct.`,
        answer: `Track the start of the current dry spell and measure it when rain ends it.

${cpp(vectorRuns)}`,
      },
      critiques: [
        {
          reasoning: `A spell is measured only when a rainy day ends it. A spell still open at the end (start >= 0 after the loop) is dropped.

"3\\n0 0 0" → start = 0, no rain ever, best stays 0. Expected 3. Same bug as forgetting the last run.`,
          answer: judged('Drops the final open spell: all-dry input prints 0.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read the values as tokens and compare with "0" as strings, to avoid any parsing work — the input is just numbers, and a dry day is exactly the token "0".

Loop at most n times and stop if input runs out. ++run on a dry day and take the max immediately, so the final spell counts. Rainy day: run = 0.

Fast I/O with sync_with_stdio(false).

Sample 1 → 3. Sample 2 → 1. n = 0 → 0.`,
        answer: `Compare each token with "0"; extend the run on a dry day and keep the maximum.

${cpp(tokenRuns)}`,
      },
      critiques: [
        {
          reasoning: `Comparing the token to the string "0" is fragile. An integer 0 could be written as "00" or "-0" or "+0", and then the comparison fails even though the value is zero. The statement says the values are integers, not that they are written in canonical form.

The run logic itself (++run and max, reset on rain) is right and the final spell counts.

But the string comparison is a correctness risk I would not accept; parsing as int is the robust way.`,
          answer: judged('String comparison with "0" misses zeros written differently ("00", "+0").', 'wrong'),
        },
      ],
    },
  ],
};
