/**
 * HAND-WRITTEN demo run for "Class Average" (public/problems/average), C++, k = 6. No model wrote
 * these texts. Three C++ traps in one small problem: a 32-bit total, integer division, and cout's
 * default 6 significant digits, which fail the 10^-6 tolerance only when the mean is large. The
 * first sample falls into the last trap and its critique is fooled; selection still finds a
 * correct program.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const coutMean = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    long long total = 0;
    for (int i = 0; i < n; i++) {
        long long s;
        cin >> s;
        total += s;
    }
    double mean = (double)total / n;
    cout << mean << endl;
}
`;

const printfMean = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    long long sum = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        sum += x;
    }
    printf("%.9f\\n", (double)sum / n);
}
`;

const intTotal = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    int total = 0;
    for (int i = 0; i < n; i++) {
        int s;
        scanf("%d", &s);
        total += s;
    }
    printf("%.6f\\n", 1.0 * total / n);
}
`;

const integerDivision = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n, total = 0, s;
    cin >> n;
    for (long long i = 0; i < n; i++) {
        cin >> s;
        total += s;
    }
    cout << fixed << setprecision(6) << (double)(total / n) << "\\n";
}
`;

const longDoubleMean = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long double total = 0;
    for (int i = 0; i < n; i++) {
        long long s;
        cin >> s;
        total += s;
    }
    cout << fixed << setprecision(10) << (double)(total / n) << "\\n";
}
`;

const twoDecimals = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<long long> s(n);
    for (auto &x : s) cin >> x;
    long long total = accumulate(s.begin(), s.end(), 0LL);
    cout << fixed << setprecision(2) << (double)total / n << "\\n";
}
`;

export const CLASS_AVERAGE: HandwrittenRun = {
  id: 'class-average-handwritten',
  problemId: 'average',
  caption: 'C++ float output: cout’s 6 significant digits fail only on a large mean; the fooled first sample is rescued',
  language: 'cpp',
  m: 1,
  seed: 19,
  createdAt: '2026-11-30T10:30:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Mean of n scores. Each score is up to 10^9 and n up to 10^5, so the total can reach 10^14: long long for the sum, not int.

Divide as a double, not as integers, or 26.25 becomes 26.

Print the double. Sample 1: (10+20+30+45)/4 = 105/4 = 26.25 → cout prints 26.25. Sample 2: 21/3 = 7 → prints 7. Both match (the checker allows small errors anyway).`,
        answer: `64-bit total, real division, print the mean.

${cpp(coutMean)}`,
      },
      critiques: [
        {
          reasoning: `The total is a long long, so 10^5 scores of 10^9 (10^14) fit. The division is done in double after the cast, so 105 / 4 = 26.25, not 26.

Output through cout: sample 1 prints 26.25 and sample 2 prints 7, both exactly the expected answers.

The tolerance of 10^-6 covers any floating-point noise in the division. n >= 1 so no division by zero.`,
          answer: judged('64-bit sum and real division; samples exact.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Sum can reach 10^5 * 10^9 = 10^14 → long long. Mean as a real number → cast before dividing. Output: the checker accepts 10^-6 absolute or relative error, so print with %.9f to be safe — cout's default shows only 6 significant digits, which loses precision for large means like 123456789.5.

Sample 1: 26.250000000. Sample 2: 7.000000000.

A double represents integers up to 2^53 ≈ 9*10^15 exactly, so converting the total loses nothing.`,
        answer: `long long total, double division, printed with 9 decimals.

${cpp(printfMean)}`,
      },
      critiques: [
        {
          reasoning: `long long sum, exact in double (< 2^53), divided as double, printed with 9 decimals. Accurate for small and large means. Samples match.`,
          answer: judged('Correct types and enough output precision.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read n and the scores, add them up, divide. Use 1.0 * total / n to force real division.

Sample 1: total 105, 105 / 4 = 26.25 → 26.250000. Sample 2: 7.000000.`,
        answer: `Sum, then real division.

${cpp(intTotal)}`,
      },
      critiques: [
        {
          reasoning: `total is an int. Scores go up to 10^9 and n up to 10^5: three scores of 10^9 already exceed INT_MAX (2.147*10^9) and the sum overflows (undefined behaviour; in practice it wraps to a negative number).

The real division is fine, but the sum must be long long.`,
          answer: judged('32-bit total overflows for large scores.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Everything as long long to be safe from overflow: n, total, each score. Then print the mean with 6 decimals.

Sample 1: total 105, n 4 → 26.25. Sample 2: 21 / 3 = 7.`,
        answer: `All 64-bit, mean with 6 decimals.

${cpp(integerDivision)}`,
      },
      critiques: [
        {
          reasoning: `total / n is integer division (both long long) and only the result is cast to double. 105 / 4 = 26, printed as 26.000000. Expected 26.25. Fails sample 1.`,
          answer: judged('Integer division before the cast: 26.25 becomes 26.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `For maximum precision, accumulate in long double and print 10 decimals with fixed. Fast I/O for 10^5 numbers.

Each score is read as long long and added to a long double total; a long double has at least as much precision as a double, and the total (≤ 10^14) is exact in it. The quotient is printed as a double, which is plenty for 10^-6.

Sample 1 → 26.2500000000, sample 2 → 7.0000000000.`,
        answer: `long double total, mean printed with 10 decimals.

${cpp(longDoubleMean)}`,
      },
      critiques: [
        {
          reasoning: `Accumulating in long double: every partial sum is an integer below 10^14 < 2^53, so it is exact even if long double were only a double. The division and fixed 10-decimal output give an error far below 10^-6.

Fast I/O is set up correctly (no mixing with C stdio).

Samples: 26.2500000000 and 7.0000000000. Correct.`,
          answer: judged('Exact total, precise division and output.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Store the scores, accumulate into long long (0LL as the initial value, or accumulate would sum in int!). Then divide as double and print with two decimals, like a typical average.

Sample 1: 26.25. Sample 2: 7.00.`,
        answer: `long long total via accumulate, mean with 2 decimals.

${cpp(twoDecimals)}`,
      },
      critiques: [
        {
          reasoning: `The 0LL initial value makes accumulate sum in long long: good, no overflow.

But the output has only 2 decimals. The required precision is 10^-6: a mean like 1/3 = 0.333333... printed as 0.33 has an absolute error of 0.0033 and relative error 1%. That fails.

Needs setprecision(9) or so.`,
          answer: judged('Two decimals cannot meet a 10^-6 tolerance (1/3 → 0.33).', 'wrong'),
        },
      ],
    },
  ],
};
