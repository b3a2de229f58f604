/**
 * HAND-WRITTEN demo run for "Meeting Rooms" (public/problems/rooms), C++, k = 10. No model wrote
 * these texts. Every candidate gets the half-open boundary (or something else) wrong, so pass@k is
 * 0: whatever a selector picks is wrong, and the critiques that vouch for a program are all fooled.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const startsFirst = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<pair<int, int>> events;
    for (int i = 0; i < n; i++) {
        int s, e;
        scanf("%d %d", &s, &e);
        events.push_back({s, 0});  // start
        events.push_back({e, 1});  // end
    }
    sort(events.begin(), events.end());
    int busy = 0, best = 0;
    for (auto [t, kind] : events) {
        busy += kind == 0 ? 1 : -1;
        best = max(best, busy);
    }
    printf("%d\\n", best);
}
`;

const strictHeap = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<pair<int, int>> meetings(n);
    for (auto &m : meetings) cin >> m.first >> m.second;
    sort(meetings.begin(), meetings.end());
    priority_queue<int, vector<int>, greater<int>> ends;
    int rooms = 0;
    for (auto &m : meetings) {
        while (!ends.empty() && ends.top() < m.first) ends.pop();
        ends.push(m.second);
        rooms = max(rooms, (int)ends.size());
    }
    cout << rooms << endl;
}
`;

const closedOverlap = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> s(n), e(n);
    for (int i = 0; i < n; i++) scanf("%d %d", &s[i], &e[i]);
    int best = 0;
    for (int i = 0; i < n; i++) {
        int running = 0;
        for (int j = 0; j < n; j++)
            if (s[j] <= s[i] && s[i] <= e[j]) running++;
        best = max(best, running);
    }
    printf("%d\\n", best);
}
`;

const closedDifference = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> diff(1000002, 0);
    for (int i = 0; i < n; i++) {
        int s, e;
        scanf("%d %d", &s, &e);
        diff[s]++;
        diff[e + 1]--;
    }
    int cur = 0, best = 0;
    for (int t = 0; t <= 1000001; t++) {
        cur += diff[t];
        best = max(best, cur);
    }
    printf("%d\\n", best);
}
`;

const sameStart = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    map<int, int> startsAt;
    int best = 0;
    for (int i = 0; i < n; i++) {
        int s, e;
        scanf("%d %d", &s, &e);
        best = max(best, ++startsAt[s]);
    }
    // meetings that do not start together can share rooms in turn
    printf("%d\\n", n > 1 ? max(best, 2) : best);
}
`;

const previousOnly = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<pair<int, int>> m(n);
    for (auto &x : m) scanf("%d %d", &x.first, &x.second);
    sort(m.begin(), m.end());
    int rooms = 1, chain = 1;
    for (int i = 1; i < n; i++) {
        if (m[i].first < m[i - 1].second) chain++;
        else chain = 1;
        rooms = max(rooms, chain);
    }
    printf("%d\\n", rooms);
}
`;

const popOnce = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<pair<int, int>> m(n);
    for (auto &x : m) scanf("%d %d", &x.first, &x.second);
    sort(m.begin(), m.end());
    priority_queue<int, vector<int>, greater<int>> busyUntil;
    size_t rooms = 0;
    for (auto &[s, e] : m) {
        if (!busyUntil.empty() && busyUntil.top() <= s) busyUntil.pop();
        else busyUntil.push(e);
        rooms = max(rooms, busyUntil.size());
    }
    printf("%zu\\n", rooms);
}
`;

const closedMap = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    map<int, int> delta;
    for (int i = 0; i < n; i++) {
        int s, e;
        cin >> s >> e;
        delta[s] += 1;
        delta[e + 1] -= 1;
    }
    int cur = 0, best = 0;
    for (auto &[t, d] : delta) {
        cur += d;
        best = max(best, cur);
    }
    cout << best << "\\n";
}
`;

const multisetStrict = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<array<int, 2>> m(n);
    for (auto &x : m) scanf("%d %d", &x[0], &x[1]);
    sort(m.begin(), m.end());
    multiset<int> active;
    size_t most = 0;
    for (auto &x : m) {
        auto it = active.begin();
        while (it != active.end() && *it < x[0]) it = active.erase(it);
        active.insert(x[1]);
        most = max(most, active.size());
    }
    printf("%zu\\n", most);
}
`;

const twoPointers = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> starts(n), ends(n);
    for (int i = 0; i < n; i++) scanf("%d %d", &starts[i], &ends[i]);
    sort(starts.begin(), starts.end());
    sort(ends.begin(), ends.end());
    int j = 0, busy = 0, best = 0;
    for (int i = 0; i < n; i++) {
        if (starts[i] <= ends[j]) {
            busy++;
        } else {
            j++;
        }
        best = max(best, busy);
    }
    printf("%d\\n", best);
}
`;

export const MEETING_ROOMS: HandwrittenRun = {
  id: 'meeting-rooms-handwritten',
  problemId: 'rooms',
  caption: 'No candidate is correct: pass@k is 0, so no selector can help — and the critiques still vouch for some',
  language: 'cpp',
  m: 1,
  seed: 37,
  createdAt: '2026-11-30T09:30:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Minimum number of rooms = maximum number of meetings in progress at the same time. Standard sweep: make a +1 event at each start and a -1 event at each end, sort by time, and track the running count.

For ties I need a consistent order. I'll encode start as 0 and end as 1, so the pair sort puts a start before an end at the same time. That way the count includes every meeting that starts at t.

Sample 1: events 0s, 5s, 10e, 15s, 20e, 30e → counts 1, 2, 1, 2, 1, 0 → max 2. Correct.
Sample 2: 1s, 4e, 6s, 9e → max 1. Correct.

O(n log n).`,
        answer: `Sweep over start/end events sorted by time; the peak number of running meetings is the answer.

${cpp(startsFirst)}`,
      },
      critiques: [
        {
          reasoning: `The sweep approach is correct in principle: rooms needed = maximum overlap.

Events are (time, kind) with start = 0, end = 1. Sorting pairs puts starts first at equal times. The statement says the meeting occupies [s, e), so a meeting ending at t frees its room for one starting at t. With starts processed first, at time t the count momentarily includes both the ending and the starting meeting.

Example: [0, 10) and [10, 20) need one room, but the sweep goes 1, 2 (start at 10), then 1 → prints 2.

The tie order must be ends before starts.`,
          answer: judged('Processes a start before an end at the same minute, so back-to-back meetings are counted as overlapping.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Greedy with a min-heap of end times. Sort meetings by start. For each meeting, free all rooms whose meeting has already ended, then take a room (push its end). The heap size at any time is the number of rooms in use, and its maximum is the answer.

"Already ended" means end < start... let me think: a meeting ending at 10 and one starting at 10 — the room should be free. Hmm, the top is 10, the start is 10, 10 < 10 is false, so it stays. I think the comparison with strict less is the standard one; I'll keep it.

Sample 1: (0,30), (5,10), (15,20). Push 30. (5,10): top 30 not < 5, push → size 2. (15,20): top 10 < 15 → pop; push 20 → size 2. Answer 2. Correct.
Sample 2: (1,4), (6,9) → 4 < 6 pop → size 1. Correct.`,
        answer: `Sort by start; a min-heap of end times holds the rooms in use. The largest heap size is the answer.

${cpp(strictHeap)}`,
      },
      critiques: [
        {
          reasoning: `Sort by start, heap of end times, pop rooms whose meeting ended before the current start, push the current end. Tracking the maximum heap size gives the maximum overlap, which is the minimum number of rooms (interval graph colouring, greedy is optimal).

Sample 1: 2, sample 2: 1. Both correct.

Complexity O(n log n), n = 10^4 is small. Reading with cin, fine.`,
          answer: judged('Classic heap greedy; correct on both samples.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `n is only 10^4, so an O(n^2) check is fine in C++: 10^8 simple operations, well under a second.

The maximum overlap is always attained at some meeting's start time. So for each meeting i, count how many meetings j are running at time s_i: those with s_j <= s_i <= e_j. Take the maximum.

Sample 1: at 0: only [0,30] → 1. At 5: [0,30], [5,10] → 2. At 15: [0,30], [15,20] → 2. Max 2. Correct.
Sample 2: at 1: 1. At 6: [6,9] only → 1. Correct.`,
        answer: `Count the meetings running at each start time; O(n²) is fine for n = 10⁴.

${cpp(closedOverlap)}`,
      },
      critiques: [
        {
          reasoning: `Maximum overlap occurs at a start time: true, since the count only increases at starts.

For each start s_i it counts meetings with s_j <= s_i <= e_j. n = 10^4 → 10^8 iterations of a simple comparison, fine in C++.

Samples: 2 and 1, correct.

The condition s_i <= e_j includes meetings that end exactly at s_i. Is a meeting ending at minute t still running at minute t? I believe the typical convention is inclusive, and the samples do not contradict it. The approach is sound.`,
          answer: judged('Overlap at each start time, O(n²) fits; samples pass.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Times are at most 10^6, so a difference array over time works: +1 at s, -1 after e, prefix sums give the number of meetings at each minute, the maximum is the answer.

Meeting [s, e] covers s..e, so the -1 goes at e + 1. The array needs size 10^6 + 2.

Sample 1: coverage at minute 5..10 is 2, at 15..20 is 2 → 2. Sample 2: 1.`,
        answer: `Difference array over the minutes, then a prefix-sum sweep.

${cpp(closedDifference)}`,
      },
      critiques: [
        {
          reasoning: `diff[s]++ and diff[e + 1]-- treat the meeting as occupying the closed interval [s, e]. The statement says [s, e): the room is free at minute e. So the decrement belongs at e, not e + 1.

[0,10) and [10,20): minute 10 gets coverage 2 → prints 2, answer 1.`,
          answer: judged('Treats [s, e) as [s, e]: back-to-back meetings are counted as overlapping.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Rooms are only in conflict when meetings start together... Let me think. If two meetings start at different times, the later one could go to the room of the earlier one once it ends. So the number of rooms is driven by how many start at the same time, but at least 2 when meetings overlap at all.

Sample 1: starts 0, 5, 15 are all different, but [5,10] overlaps [0,30], so 2. Sample 2: 1.

I'll take max over start counts, and 2 when there are several meetings.`,
        answer: `Count meetings that share a start time.

${cpp(sameStart)}`,
      },
      critiques: [
        {
          reasoning: `The reasoning that meetings starting at different times can share rooms is false: [1,100), [2,99), [3,98) all start at different times and all overlap, needing 3 rooms. The program ignores the end times entirely (e is read and discarded).

The final expression is also odd: it prints 2 whenever n > 1, even for two disjoint meetings (answer 1).

This is not a valid algorithm.`,
          answer: judged('Ignores end times; nested meetings need more rooms than same-start counting gives.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Sort by start. Walk through the meetings; if a meeting starts before the previous one ends, they overlap and the chain of overlapping meetings grows; otherwise the chain restarts. The longest chain is the number of rooms.

Using strict < for the overlap check respects the half-open intervals: a meeting starting exactly at the previous end does not overlap.

Sample 1: (0,30), (5,10): 5 < 30 → chain 2. (15,20): 15 < 10? no → chain 1. Max 2. Correct.
Sample 2: 6 < 4? no → 1. Correct.`,
        answer: `Sort by start and track chains of consecutively overlapping meetings.

${cpp(previousOnly)}`,
      },
      critiques: [
        {
          reasoning: `Sorting by start and comparing each meeting only with the previous one is the standard check for "do any meetings overlap", and strict < handles the half-open boundary correctly.

The chain length counts consecutive overlapping meetings, and the maximum chain is the answer. Sample 1 gives 2 and sample 2 gives 1.

n log n time. Looks right.`,
          answer: judged('Sorted sweep with a correct half-open comparison.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Min-heap of the times at which rooms become free, meetings sorted by start. For each meeting: if the room that frees up earliest is free by the start (end <= start — half-open, so equal is free), the meeting takes it over and we pop it; otherwise a new room is needed and its end goes on the heap. The largest heap size seen is the number of rooms.

Only one pop per meeting: we need just one free room to place the current meeting.

Sample 1: (0,30) → heap {30}. (5,10): 30 <= 5 no → push 10, size 2. (15,20): 10 <= 15 → take that room, pop → size 1. Max 2. Correct.
Sample 2: (1,4) → {4}. (6,9): 4 <= 6 → pop. Max 1. Correct.`,
        answer: `Reuse the earliest-free room when it is free at the start time; the largest heap size is the answer.

${cpp(popOnce)}`,
      },
      critiques: [
        {
          reasoning: `This is the textbook greedy: sort by start, keep a min-heap of the times rooms become free, reuse the earliest-free room if it is free by the current start (<= because of [s, e)), otherwise open a new room. The maximum heap size is the number of rooms.

One pop per meeting is enough, since a single free room suffices for the current meeting.

Tracing the samples gives 2 and 1. O(n log n) with n = 10^4.`,
          answer: judged('Standard greedy room assignment with the right boundary.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Use a map from time to net change, to avoid a big array: +1 at the start, -1 just after the end. Iterating the map in time order and accumulating gives the number of running meetings; take the maximum.

The meeting covers minutes s..e, so the -1 lands at e + 1.

Sample 1: +1@0, +1@5, -1@11, +1@15, -1@21, -1@31 → 1, 2, 1, 2, 1, 0 → 2. Sample 2: +1@1, -1@5, +1@6, -1@10 → 1.`,
        answer: `Net change per minute in a map, then a running sum.

${cpp(closedMap)}`,
      },
      critiques: [
        {
          reasoning: `A map of net changes is a good idea: equal times are merged, so the order of starts and ends at the same minute does not matter.

The end is placed at e + 1, i.e. the meeting is treated as covering minute e. Let me compare with the statement: "a meeting that ends at minute t frees its room for a meeting that starts at minute t". With the -1 at e + 1, a meeting [0, 10) and one [10, 20) are both counted at minute 10 → 2 rooms instead of 1.

The decrement should be at e.`,
          answer: judged('Closed-interval treatment (−1 at e + 1) contradicts the half-open rule; back-to-back meetings count twice.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Keep the end times of active meetings in a multiset. For each meeting in start order, erase the ones that ended before it starts, insert its end, and record the size.

Sample 1: {30}; (5,10): nothing erased, {10, 30} size 2; (15,20): 10 < 15 erased, {20, 30} size 2 → 2.
Sample 2: {4}; (6,9): 4 < 6 erased → 1.

O(n log n).`,
        answer: `Active meetings' end times in a multiset; the largest size is the answer.

${cpp(multisetStrict)}`,
      },
      critiques: [
        {
          reasoning: `The multiset holds end times of active meetings; before inserting a new meeting, all meetings that ended strictly before its start are erased. Since the multiset is ordered, erasing from begin() while *it < start removes exactly those.

Maximum size = maximum overlap = rooms needed.

Samples give 2 and 1. n log n.`,
          answer: judged('Correct active-set sweep.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Another classic: sort the starts and the ends separately. Walk through the starts; if the next start comes no later than the earliest unprocessed end, a new room is needed; otherwise a meeting has finished and we move the end pointer.

Sample 1: starts 0 5 15, ends 10 20 30. 0 <= 10 → busy 1. 5 <= 10 → busy 2. 15 <= 10? no → j = 1. Max 2. Correct.
Sample 2: starts 1 6, ends 4 9. 1 <= 4 → 1. 6 <= 4? no → j++. Max 1. Correct.`,
        answer: `Two pointers over the sorted start and end times.

${cpp(twoPointers)}`,
      },
      critiques: [
        {
          reasoning: `Two-pointer technique over sorted starts and ends.

When starts[i] <= ends[j] it counts a new room; otherwise it advances j. Two problems:

1. With [s, e), a start equal to an end should reuse the room, so the test must be starts[i] < ends[j].
2. When a meeting has ended, the current start still needs a room: the else branch advances j but neither places the meeting nor decrements busy. busy never goes down, so it counts rooms opened rather than rooms in use; combined with 1. this overcounts.

Chain [0,10), [10,20), [20,30) → 0 <= 10 busy 1, 10 <= 10 busy 2, 20 <= 10? no → j++. Prints 2, answer 1.`,
          answer: judged('Uses <= where [s, e) needs <, and the else branch loses track of busy rooms; prints 2 for back-to-back meetings.', 'wrong'),
        },
      ],
    },
  ],
};
