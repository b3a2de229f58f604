/**
 * HAND-WRITTEN demo run for "A plus B" (public/problems/aplusb), C++, k = 6. No model wrote these
 * texts. Every candidate passes both samples; only the secret 10^18 test shows the overflow. The
 * critique catches the 32-bit int of the first sample, but is fooled by a double. (Its file name
 * sorts after best-stretch, the app's default recording: the first in the index.)
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const intSum = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int a, b;
    cin >> a >> b;
    cout << a + b << endl;
    return 0;
}
`;

const longLongSum = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long a, b;
    cin >> a >> b;
    cout << a + b << "\\n";
    return 0;
}
`;

const doubleSum = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    double a, b;
    cin >> a >> b;
    cout << a + b << endl;
}
`;

const int64Scanf = `
#include <cstdio>
#include <cstdint>
#include <cinttypes>

int main() {
    int64_t a, b;
    scanf("%" SCNd64 " %" SCNd64, &a, &b);
    printf("%" PRId64 "\\n", a + b);
}
`;

const unsignedSum = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    unsigned long long a, b;
    cin >> a >> b;
    cout << a + b << "\\n";
}
`;

const wrongFormat = `
#include <bits/stdc++.h>

int main() {
    long long a, b;
    scanf("%d %d", &a, &b);
    printf("%lld\\n", a + b);
}
`;

export const A_PLUS_B: HandwrittenRun = {
  id: 'sum-overflow-handwritten',
  problemId: 'aplusb',
  caption: 'Overflow no sample shows: the critique flags the 32-bit int of the first sample, yet a double slips past it',
  language: 'cpp',
  m: 1,
  seed: 3,
  createdAt: '2026-11-30T09:50:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Read two integers, print their sum. This is as simple as it gets.

Sample 1: 1 2 → 3. Sample 2: -5 5 → 0.

int is enough for typical inputs; cin and cout handle negatives.`,
        answer: `Read a and b, print a + b.

${cpp(intSum)}`,
      },
      critiques: [
        {
          reasoning: `The statement bounds |a|, |b| by 10^18. int is 32 bits: at most about 2.1*10^9. Reading 10^18 into an int fails (cin sets the value to INT_MAX and the failbit), and even values that fit could overflow when added.

The samples are tiny, so they pass, but any large test fails. long long is required; the sum is at most 2*10^18 < 9.2*10^18, so long long suffices.`,
          answer: judged('int cannot hold values up to 10^18; needs long long.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `The bounds are |a|, |b| <= 10^18. That's way beyond int (about 2.1*10^9), so I need a 64-bit type. long long goes to about 9.22*10^18, and the sum is at most 2*10^18 in absolute value, so it fits without overflow.

Sample 1: 1 + 2 = 3. Sample 2: -5 + 5 = 0. Negative numbers are fine with signed long long.`,
        answer: `64-bit signed integers: the sum of two values up to 10^18 fits in long long.

${cpp(longLongSum)}`,
      },
      critiques: [
        {
          reasoning: `long long holds ±9.22*10^18; |a + b| <= 2*10^18. No overflow. Signed, so negatives work. Samples 3 and 0.`,
          answer: judged('64-bit sum, no overflow possible.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `The numbers can be as large as 10^18, which overflows int and is close to the limits I worry about, so let me use double — it has a huge range (up to about 1.8*10^308), so overflow is impossible.

Sample 1: 1.0 + 2.0 = 3 → cout prints 3. Sample 2: -5 + 5 = 0 → prints 0.`,
        answer: `Use double for its range, so nothing can overflow.

${cpp(doubleSum)}`,
      },
      critiques: [
        {
          reasoning: `double has a range up to 1.8*10^308, so 2*10^18 is no problem. cin reads the integers into doubles, the sum is computed, and cout prints 3 and 0 for the samples.

Negative values work. The approach avoids the int overflow trap.`,
          answer: judged('double avoids overflow; samples pass.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Values up to 10^18 in absolute value: I need exactly 64 bits. int64_t from <cstdint> is the most explicit choice, and the portable scanf/printf format macros SCNd64 / PRId64 from <cinttypes> avoid any mismatch between %ld and %lld on different platforms.

Sum fits: |a + b| <= 2*10^18 < 2^63.

Samples: 3 and 0.`,
        answer: `int64_t with the matching <cinttypes> format macros.

${cpp(int64Scanf)}`,
      },
      critiques: [
        {
          reasoning: `int64_t with SCNd64/PRId64: exact 64-bit signed arithmetic and matching formats on any platform. The sum is within range. Samples 3, 0.`,
          answer: judged('Correct types and formats.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Big values, so use the biggest type: unsigned long long holds up to 1.8*10^19, twice as much as long long. 10^18 + 10^18 = 2*10^18 fits easily.

Sample 1: 3. Sample 2: -5 + 5... unsigned arithmetic wraps modulo 2^64, so -5 becomes 2^64 - 5, plus 5 wraps to 0. Prints 0. Good.`,
        answer: `unsigned long long for the widest range.

${cpp(unsignedSum)}`,
      },
      critiques: [
        {
          reasoning: `Reading "-5" into unsigned long long gives 2^64 - 5; adding 5 wraps to 0, so sample 2 passes by luck. But for 7 + (-10) the true answer is -3 and the unsigned sum is 2^64 - 3 = 18446744073709551613, printed as such.

Negative results cannot be represented. Needs a signed type.`,
          answer: judged('Unsigned type: negative sums print as huge numbers (7 + (−10) → 18446744073709551613).', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `long long for 64 bits. I'll use scanf and printf as they're faster than streams, though for two numbers that doesn't matter.

Sample 1: 3. Sample 2: 0.`,
        answer: `long long with scanf/printf.

${cpp(wrongFormat)}`,
      },
      critiques: [
        {
          reasoning: `scanf("%d %d") with long long arguments is undefined behaviour: %d writes an int (4 bytes) into an 8-byte variable, and the upper 4 bytes stay uninitialised. Values beyond 32 bits are truncated anyway. The format must be %lld.`,
          answer: judged('%d reads into long long: undefined behaviour and truncation; needs %lld.', 'wrong'),
        },
      ],
    },
  ],
};
