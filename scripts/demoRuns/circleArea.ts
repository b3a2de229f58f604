/**
 * HAND-WRITTEN demo run for "Circle area" (public/problems/circle-area), C++, k = 6. No model wrote
 * these texts. The output is checked with a 10^-6 absolute-or-relative tolerance, so any accurate
 * formatting passes — even cout's default 6 significant digits, which a critique wrongly rejects —
 * while 3.14 for π and an int radius fail.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const cpp = (code: string): string => fence(code, 'cpp');

const printfMpi = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    double r;
    scanf("%lf", &r);
    printf("%.10f\\n", M_PI * r * r);
    return 0;
}
`;

const piTwoDecimals = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    double r;
    cin >> r;
    const double PI = 3.14;
    cout << fixed << setprecision(6) << PI * r * r << "\\n";
}
`;

const defaultCout = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    double r;
    cin >> r;
    cout << M_PI * r * r << endl;
}
`;

const intRadius = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    int r;
    cin >> r;
    double area = M_PI * r * r;
    printf("%.9f\\n", area);
}
`;

const acosPrecision = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    double r;
    cin >> r;
    const double pi = acos(-1.0);
    cout << setprecision(15) << pi * r * r << "\\n";
}
`;

const floatArea = `
#include <bits/stdc++.h>
using namespace std;

int main() {
    float r;
    scanf("%f", &r);
    float area = 3.14159265f * r * r;
    printf("%.6e\\n", area);
}
`;

export const CIRCLE_AREA: HandwrittenRun = {
  id: 'circle-area-handwritten',
  problemId: 'circle-area',
  caption: 'Float output with tolerance: cout’s 6 digits pass (a critique wrongly rejects them), 3.14 for π does not',
  language: 'cpp',
  m: 1,
  seed: 17,
  createdAt: '2026-11-30T10:20:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Area = π r². r is a real number between 0 and 1000, so read a double.

For π, M_PI from <cmath> (available with bits/stdc++.h on glibc-like libraries). Print with plenty of decimals: %.10f. The checker accepts 10^-6 absolute or relative error.

For r = 1000: area ≈ 3141592.6535897932 — %.10f gives all the significant digits a double has.
For r = 0.001: area ≈ 3.14159e-6 — %.10f prints 0.0000031416, absolute error below 10^-10. Fine.

Sample: r = 1 → 3.1415926536.`,
        answer: `π r² in double precision, printed with 10 decimals.

${cpp(printfMpi)}`,
      },
      critiques: [
        {
          reasoning: `double r, M_PI * r * r, printed with %.10f.

Precision: a double has ~15-16 significant digits; for r = 1000 the area 3141592.6535897932 is printed to 10 decimals, relative error ~1e-16. For tiny r = 0.001, the area is ~3.1e-6 and %.10f prints 0.0000031416: absolute error < 1e-10, within the 1e-6 absolute tolerance.

M_PI is defined by the judge's libc (POSIX), and bits/stdc++.h includes cmath.

Sample: 3.1415926536 vs 3.141592653589793 → accepted within tolerance.`,
          answer: judged('Accurate π and enough decimals for both tiny and large radii.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Area of a circle: π r². π ≈ 3.14. Read r, multiply, print with 6 decimals.

Sample: r = 1 → 3.140000. Expected 3.141592653589793. Hmm, that's off by 0.0016. The checker accepts small errors; I'll assume 3.14 is close enough for a circle area.`,
        answer: `π ≈ 3.14.

${cpp(piTwoDecimals)}`,
      },
      critiques: [
        {
          reasoning: `PI = 3.14 has relative error 5*10^-4. The tolerance is 10^-6 (absolute or relative). Sample: 3.14 vs 3.14159265 → absolute error 1.6*10^-3, relative 5*10^-4. Rejected.`,
          answer: judged('3.14 is far too inaccurate for a 10^-6 tolerance; fails the sample.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `π r² with M_PI. Just print the double with cout.

Sample r = 1: cout prints 3.14159. Expected 3.141592653589793: absolute error 2.65e-6, relative error 8.4e-7. The checker accepts absolute OR relative error within 1e-6, so the relative error is what matters here: 8.4e-7 < 1e-6. OK.

r = 1000: cout prints 3.14159e+06, i.e. 3141590. True value 3141592.65; relative error 8.4e-7 again. Accepted.

cout's default 6 significant digits always give a relative error below 5e-6... hmm, worst case 5e-6 for a value like 1.000005, but π r² for these inputs lands within tolerance? For r = 1 and 1000 yes. I'll go with it.`,
        answer: `π r² printed with cout's default formatting.

${cpp(defaultCout)}`,
      },
      critiques: [
        {
          reasoning: `cout's default precision is 6 significant digits. The checker wants an error of at most 10^-6. For r = 1 the output 3.14159 is off by 2.65*10^-6 in absolute terms, which exceeds 10^-6.

For large r it prints scientific notation like 3.14159e+06, losing all the digits after the sixth — an absolute error of about 2.65.

Six significant digits are not enough for a 10^-6 tolerance. It should use setprecision(10) or printf with enough decimals.`,
          answer: judged('Default cout precision (6 significant digits) gives absolute errors far above 10^-6.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Area = π r². Read r, compute with M_PI, print with 9 decimals.

Sample r = 1: 3.141592654. Good.

I'll store r as an int since the sample radius is a whole number.`,
        answer: `π r² with 9 decimals.

${cpp(intRadius)}`,
      },
      critiques: [
        {
          reasoning: `r is declared int, but the statement says 0 < r <= 1000 — a real radius, e.g. 0.001 or 2.5. Reading "0.001" into an int gives 0 (the stream stops at the '.'), so the area printed is 0 instead of 3.14e-6 — an absolute error of 3.1e-6, above 10^-6. And 2.5 would be read as 2.`,
          answer: judged('Reads the radius as an int; fractional radii are truncated.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Rather than rely on the M_PI macro (not standard C++), compute π = acos(-1), exact to double precision, and print 15 significant digits with setprecision.

r = 1 → 3.14159265358979. r = 1000 → 3141592.65358979. r = 0.001 → 3.14159265358979e-06. All well within 1e-6.`,
        answer: `π = acos(−1), 15 significant digits.

${cpp(acosPrecision)}`,
      },
      critiques: [
        {
          reasoning: `acos(-1.0) is π to double precision; 15 significant digits are far beyond the 10^-6 tolerance, for tiny and large radii alike. Sample matches.`,
          answer: judged('Precise π and ample digits.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `A float has about 7 significant digits, which is enough for a relative error of 1e-6... borderline but OK since the checker also accepts relative error. Use a float literal for π and print in scientific notation with 6 decimals after the point — 7 significant digits.

r = 1 → 3.141593e+00. r = 1000 → 3.141593e+06. r = 0.001 → 3.141593e-06.`,
        answer: `Single-precision float, printed in scientific notation.

${cpp(floatArea)}`,
      },
      critiques: [
        {
          reasoning: `float has a 24-bit mantissa: relative precision about 6e-8 per operation. Two multiplications keep the error around 1e-7, below the 10^-6 relative tolerance. %.6e prints 7 significant digits, adding at most 5e-7 relative error. The total stays under 10^-6.

Since the checker accepts absolute OR relative error, the relative bound is what matters for large areas, and for tiny areas the absolute error is negligible.

Sample: 3.141593e+00 vs 3.14159265 → relative error 1.1e-7. Accepted.`,
          answer: judged('Single precision is enough for a 10^-6 relative tolerance here.', 'right'),
        },
      ],
    },
  ],
};
