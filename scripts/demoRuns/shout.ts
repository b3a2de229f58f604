/**
 * HAND-WRITTEN demo run for "Shout" (public/problems/shout), Python, k = 6. No model wrote these
 * texts. The critiques catch the rewrites that lose spacing, and one rightly distrusts strip() —
 * but no test has leading or trailing spaces, so the judge accepts it: weak tests make a correct
 * critique count as a mistake.
 */
import { fence, judged, type HandwrittenRun } from './handwrittenRun';

const py = (code: string): string => fence(code, 'python');

const splitJoin = `
import sys

for line in sys.stdin:
    words = line.split()
    print(" ".join(word.upper() for word in words))
`;

const linesKeepEnds = `
import sys

for line in sys.stdin:
    print(line.upper(), end="")
`;

const firstLineOnly = `
print(input().upper())
`;

const readAllUpper = `
import sys
sys.stdout.write(sys.stdin.read().upper())
`;

const stripped = `
import sys

for raw in sys.stdin:
    print(raw.strip().upper())
`;

const rstripNewline = `
import sys

def main():
    out = []
    for line in sys.stdin.read().split("\\n"):
        out.append(line.upper())
    # split leaves an empty piece after the final newline
    if out and out[-1] == "":
        out.pop()
    print("\\n".join(out))

main()
`;

export const SHOUT: HandwrittenRun = {
  id: 'shout-handwritten',
  problemId: 'shout',
  caption: 'Weak tests: a critique rightly distrusts strip(), but no test has edge spaces, so the judge accepts it',
  language: 'python',
  m: 1,
  seed: 13,
  createdAt: '2026-11-30T10:10:00.000Z',
  candidates: [
    {
      generation: {
        reasoning: `Convert every input line to upper case. Read line by line from stdin, upper-case each word and print the line.

Splitting into words and joining them back with a single space is a clean way to normalise the line.

Sample: "hello  world" → HELLO WORLD, "bye" → BYE.

Hmm, the sample shows two spaces between hello and world. The expected output probably keeps them... but words are words. I'll go with the join.`,
        answer: `Upper-case every word of every line.

${py(splitJoin)}`,
      },
      critiques: [
        {
          reasoning: `The statement says "keeping the spacing exactly" and output is checked whitespace-sensitively. line.split() followed by " ".join collapses runs of spaces to one and drops leading/trailing spaces.

Sample line "hello  world" has two spaces; this prints "HELLO WORLD" with one. It fails the sample.`,
          answer: judged('split/join collapses the double space of the sample; spacing must be kept exactly.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Spacing must be kept exactly, so no splitting. Iterate over sys.stdin: each line includes its trailing newline; upper() leaves spaces and newlines alone, so printing it with end="" reproduces the line exactly, upper-cased.

Sample: "hello  world\\n" → "HELLO  WORLD\\n", "bye\\n" → "BYE\\n". Exact.

Non-letters are unaffected by upper().`,
        answer: `Upper-case each line as is, keeping its spaces and newline.

${py(linesKeepEnds)}`,
      },
      critiques: [
        {
          reasoning: `Each line is printed upper-cased with its own newline (end=""), so spacing is preserved exactly. upper() does not touch whitespace or digits. The sample comes out as "HELLO  WORLD" and "BYE".

If the last line had no trailing newline, the output would also lack one; the whitespace-sensitive checker might care about a final newline, but the input files end with a newline. Fine.`,
          answer: judged('Preserves every character except letter case.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read the line, upper-case it, print it. input() gives the line without its newline and print adds one back, so spacing inside the line is untouched.

Sample: "hello  world" → "HELLO  WORLD". Good.`,
        answer: `Upper-case the input line.

${py(firstLineOnly)}`,
      },
      critiques: [
        {
          reasoning: `input() reads only the first line. The statement says "every input line", and the sample has two lines ("hello  world", "bye"). The second line is never printed, so the sample fails.`,
          answer: judged('Handles only the first line; the sample has two.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Simplest exact approach: read the whole input, upper-case it, write it back unchanged otherwise. Every space and newline stays where it was.

Sample → "HELLO  WORLD\\nBYE\\n".`,
        answer: `Upper-case the whole input at once.

${py(readAllUpper)}`,
      },
      critiques: [
        {
          reasoning: `Whole input upper-cased and written back: all whitespace preserved byte for byte. Sample matches.`,
          answer: judged('Exact: only letter case changes.', 'right'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Go line by line. Each line from sys.stdin ends with a newline; strip it off, upper-case, and print (print adds the newline back).

Sample: "hello  world\\n" → "HELLO  WORLD". Inner spaces are kept. "bye\\n" → "BYE". Matches.`,
        answer: `Strip each line's newline, upper-case it, print it.

${py(stripped)}`,
      },
      critiques: [
        {
          reasoning: `strip() removes the newline — and also every leading and trailing space or tab. The statement requires the spacing to be kept exactly, and the checker is whitespace-sensitive. A line like "  hi " would become "HI".

The sample has no leading or trailing spaces, so it passes, but the program is wrong in general. rstrip("\\n") would be the right call.`,
          answer: judged('strip() also removes leading and trailing spaces, which must be kept exactly.', 'wrong'),
        },
      ],
    },
    {
      generation: {
        reasoning: `Read all input and split on "\\n" exactly (not split(), which would eat spaces). Upper-case every piece. If the input ends with a newline, split produces an empty last piece, which I drop, then join the lines with "\\n" and print (print adds the final newline).

Sample: "hello  world\\nbye\\n" → ["hello  world", "bye", ""] → drop "" → "HELLO  WORLD\\nBYE" + "\\n". Exact.

Edge: an input without the final newline gives the same pieces without the empty one, and the output gains a newline — harmless.`,
        answer: `Split on newlines exactly, upper-case each line, join them back.

${py(rstripNewline)}`,
      },
      critiques: [
        {
          reasoning: `split("\\n") keeps all spaces inside and at the edges of lines. The empty trailing piece after the final newline is removed, and joining with "\\n" plus print's newline reproduces the original line structure.

One subtle point: an input with a blank line in the middle gives an empty piece that stays (only the last one is popped if empty). But if the input ends with a blank line, i.e. "...\\n\\n", the pieces are [..., "", ""] and only one "" is removed, which is right: the blank line is kept.

Sample matches exactly. Correct.`,
          answer: judged('Exact line structure and spacing preserved.', 'right'),
        },
      ],
    },
  ],
};
