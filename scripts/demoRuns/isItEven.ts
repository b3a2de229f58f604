/**
 * HAND-WRITTEN demo run for "Is it even?" (public/problems/yes-no), C++, k = 6. No model wrote
 * these texts. n % 2 == 1 reads like a parity test, and its short critique says so — but in C++
 * −7 % 2 is −1, so negative odd numbers come out even. A C++-only trap: the critique is fooled and
 * selection picks the wrong program over a correct first sample.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const remainderZero = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    if (n % 2 == 0) {
        cout << "YES" << endl;
    } else {
        cout << "NO" << endl;
    }
    return 0;
}
`;

const remainderOne = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    cout << (n % 2 == 1 ? "NO" : "YES") << "\\n";
}
`;

const intParity = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    puts(n % 2 == 0 ? "YES" : "NO");
}
`;

const lowBit = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    scanf("%lld", &n);
    // the lowest bit of a two's complement number is its parity, sign included
    printf("%s\\n", (n & 1) ? "NO" : "YES");
}
`;

const lastDigit = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    char last = s.back();
    bool even = (last - '0') % 2 == 0;
    cout << (even ? "YES" : "NO") << "\\n";
}
`;

const absParity = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    long long n;
    cin >> n;
    long long m = llabs(n);
    cout << (m % 2 == 0 ? "YES" : "NO") << "\\n";
}
`;

export const IS_IT_EVEN: HandwrittenRun = {
  id: 'is-it-even-handwritten',
  problemId: 'yes-no',
  caption: 'C++-only trap, critique fooled: n % 2 == 1 is false for −7 in C++, and selection picks that program',
  language: 'cpp',
  m: 1,
  seed: 5,
  createdAt: '2026-11-30T10:00:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Parity check. n can be as large as 10^18 in absolute value, so int is not enough; long long it is.

n is even exactly when n % 2 == 0. In C++ the remainder takes the sign of the dividend, so for negative odd n it is -1, not 1 — but comparing with 0 is safe either way: the remainder is 0 exactly for even numbers, whatever the sign.

Sample: 4 → 4 % 2 = 0 → YES. And -7 % 2 = -1 ≠ 0 → NO, right.

Output is case-insensitive, I'll print YES / NO.`,
        answer: `Check n % 2 == 0 on a 64-bit integer (comparing with 0 is safe for negative n too).

${cpp(remainderZero)}`,
      },
      critiques: [
        {
          reasoning: `long long covers |n| <= 10^18. n % 2 == 0 is true exactly for even n, including negative even numbers (the remainder is 0) and 0 itself.

For negative odd numbers the C++ remainder is -1, which is not 0, so the program prints NO. Correct.

The sample 4 prints YES. The output format is YES/NO, accepted in any case.

I checked: -10^18 is even → YES; 10^18 - 1 is odd → NO. Reading 10^18 into long long is fine.`,
          answer: judged('64-bit, parity test against 0 works for negative numbers; correct.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Even or odd. Odd numbers have remainder 1 when divided by 2, so: if n % 2 == 1 print NO, otherwise YES.

Range up to 10^18, so long long.

Sample: 4 % 2 = 0 → YES. 7 % 2 = 1 → NO.`,
        answer: `Odd numbers leave remainder 1.

${cpp(remainderOne)}`,
      },
      critiques: [
        {
          reasoning: `long long for 10^18. Odd numbers give n % 2 == 1 → NO, others YES. Sample 4 → YES.`,
          answer: judged('Simple parity check with a 64-bit type.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read n, print YES if n % 2 == 0. Comparing with 0 avoids the negative remainder issue in C++.

Sample: 4 → YES.`,
        answer: `Parity via n % 2 == 0.

${cpp(intParity)}`,
      },
      critiques: [
        {
          reasoning: `The parity test is right, but n is an int. The statement allows |n| up to 10^18. Reading 10^18 into a 32-bit int fails: cin stores INT_MAX and sets failbit. INT_MAX = 2147483647 is odd, so 10^18, which is even, would print NO.

Needs long long.`,
          answer: judged('int cannot read values up to 10^18; large even numbers come out wrong.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `The lowest bit decides parity. For negative numbers in two's complement that still holds: -7 is ...11111001, lowest bit 1 → odd; -4 is ...11111100 → even. C++20 guarantees two's complement, and every real compiler used it long before.

So n & 1 → 1 means odd. long long for the range.

Sample 4 → YES.`,
        answer: `Test the lowest bit of the 64-bit two's complement value.

${cpp(lowBit)}`,
      },
      critiques: [
        {
          reasoning: `n & 1 on a long long: in two's complement, the lowest bit is 1 exactly for odd numbers, positive or negative. -7 & 1 = 1 → NO, -4 & 1 = 0 → YES.

The comment's claim is correct for every compiler the judge could use (and guaranteed from C++20).

scanf with %lld matches long long. Sample 4 → YES. Range 10^18 fits.

One thing to double check: the output strings. (n & 1) ? "NO" : "YES" — odd → NO. Correct.`,
          answer: judged('Bit test is a correct parity check for negative values too; types and formats right.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Avoid any integer range issue entirely: read n as a string and look at its last digit. A number is even iff its last decimal digit is even. The minus sign is at the front, so the last character is always a digit.

Sample "4" → '4' → even → YES.`,
        answer: `Read the number as text and check its last digit.

${cpp(lastDigit)}`,
      },
      critiques: [
        {
          reasoning: `Reading as a string avoids overflow, good. last - '0' gives the digit value and % 2 == 0 decides.

But negative numbers: s = "-7". s.back() is '7', fine. What about the input "-0"? Or a number with a trailing newline or carriage return — cin >> s skips whitespace, so no.

Hmm, what if the input has a leading '+'? Still last char is a digit.

I'm worried about inputs with a trailing '\\r' on Windows line endings: cin >> s stops at whitespace, and '\\r' is whitespace, so fine.

Actually the bigger issue: this treats the input purely textually; if the number were given in a different notation (e.g. 1e18) it would break. The statement says an integer, but I'd rather parse it. I'm not convinced this is robust.`,
          answer: judged('Textual last-digit trick is fragile against other notations of the integer.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `To dodge the sign of the remainder in C++, take the absolute value first: |n| % 2 is 0 or 1 as expected. llabs for long long.

Is llabs safe at the extremes? |n| <= 10^18 so no overflow (the dangerous value LLONG_MIN is not in range).

Sample 4 → YES.`,
        answer: `Absolute value first, then the remainder.

${cpp(absParity)}`,
      },
      critiques: [
        {
          reasoning: `llabs(n) is safe since |n| <= 10^18 < LLONG_MAX. Then m % 2 is 0 for even and 1 for odd, regardless of n's sign. So it prints YES for even, NO for odd.

Sample 4 → YES, -7 → 7 % 2 = 1 → NO.

Correct, though comparing n % 2 with 0 directly would have been enough.`,
          answer: judged('Correct; the absolute value removes the remainder-sign pitfall.', 'right'),
        },
      ],
    },
  ],
};
