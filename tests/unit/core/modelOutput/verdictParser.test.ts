import { describe, expect, it } from 'vitest';
import { explainCritiqueVerdict, parseCritiqueVerdict } from '../../../../src/core/modelOutput/verdictParser';
import { VERDICT_FORMAT } from '../../../../src/core/chat/verdictFormat';
import type { CritiqueStyle, CritiqueVerdict } from '../../../../src/core/chat/critiqueVerdict';

type Case = [answer: string, expected: CritiqueVerdict];

function table(style: CritiqueStyle, cases: Case[]) {
  for (const [answer, expected] of cases) {
    it(`${JSON.stringify(answer).slice(0, 90)} → ${expected}`, () => {
      expect(parseCritiqueVerdict(answer, style)).toBe(expected);
    });
  }
}

describe('the formats the prompts ask for parse back', () => {
  for (const style of ['ocr2', 'critique-coder'] as const) {
    it(`${style}: right and wrong lines`, () => {
      const f = VERDICT_FORMAT[style];
      expect(parseCritiqueVerdict(`Some analysis.\n\n${f.right}`, style)).toBe('right');
      expect(parseCritiqueVerdict(`Some analysis.\n\n${f.wrong}`, style)).toBe('wrong');
      expect(explainCritiqueVerdict(f.right, style).source).toBe('marker');
    });
  }
});

describe("OCR-2's trained judgment tag is read first", () => {
  table('ocr2', [
    ['The loop covers every index.\n\n<judgment>right</judgment>', 'right'],
    ['It overflows at n = 10^5. <judgment>wrong</judgment>', 'wrong'],
    ['<Judgment>Right</Judgment>', 'right'],
    ['<judgment> wrong </judgment>', 'wrong'],
    ['<judgement>right</judgement>', 'right'],
    // The template's own words name both; quoting them is not a verdict.
    ['I conclude with <judgment>right/wrong</judgment> as asked.', 'none'],
  ]);

  it('a tag outranks a labelled line or a last sentence that says otherwise', () => {
    expect(explainCritiqueVerdict('Judgement: wrong\n\nOn reflection the solution is correct. <judgment>right</judgment>', 'ocr2')).toEqual(
      {
        verdict: 'right',
        source: 'marker',
        markers: 1,
      },
    );
    expect(parseCritiqueVerdict('<judgment>wrong</judgment>\n\nThe solution is correct.', 'ocr2')).toBe('wrong');
  });

  it('two tags that disagree are contradictory', () => {
    expect(explainCritiqueVerdict('<judgment>right</judgment>\nNo, n = 0 crashes.\n<judgment>wrong</judgment>', 'ocr2')).toEqual({
      verdict: 'none',
      source: 'contradictory',
      markers: 2,
    });
  });

  it('in the Critique-Coder style a tag is the other format, read as a fallback', () => {
    expect(explainCritiqueVerdict('<judgment>wrong</judgment>', 'critique-coder')).toEqual({
      verdict: 'wrong',
      source: 'other-style-marker',
      markers: 1,
    });
  });
});

describe('OCR-2 style: labelled judgements', () => {
  table('ocr2', [
    ['Judgement: right', 'right'],
    ['Judgement: wrong', 'wrong'],
    ['judgement: RIGHT', 'right'],
    ['Judgment: Wrong', 'wrong'],
    ['JUDGEMENT : Right', 'right'],
    ['Verdict - right', 'right'],
    ['Verdict — wrong', 'wrong'],
    ['Verdict = wrong', 'wrong'],
    ['Verdict：right', 'right'],
    ['**Judgement:** right', 'right'],
    ['**Judgement: Wrong**', 'wrong'],
    ['Judgement: **right**', 'right'],
    ['Judgement: `wrong`', 'wrong'],
    ['_Judgement_: _right_', 'right'],
    ['### Judgement: Wrong', 'wrong'],
    ['## Verdict\n\n**Right**', 'right'],
    ['> Judgement: right', 'right'],
    ['- Judgement: wrong', 'wrong'],
    ['Final judgement: right.', 'right'],
    ['Final Verdict: the solution is wrong.', 'wrong'],
    ['Judgement: The solution is correct.', 'right'],
    ['Judgement: incorrect', 'wrong'],
    ['Judgement: not correct', 'wrong'],
    ['Judgement: not right', 'wrong'],
    ['My judgement is that the solution is wrong.', 'wrong'],
    ['The verdict is: right', 'right'],
    ['In conclusion, the code is wrong.', 'wrong'],
    ['Final Answer: right', 'right'],
    ['Judgement: wrong, because it fails when n = 1.', 'wrong'],
    ['Judgement: wrong (off-by-one in the loop)', 'wrong'],
    ['<judgement>right</judgement>', 'right'],
    ['<verdict> wrong </verdict>', 'wrong'],
  ]);
});

describe('OCR-2 style: boxed and bare verdicts', () => {
  table('ocr2', [
    ['\\boxed{right}', 'right'],
    ['$\\boxed{wrong}$', 'wrong'],
    ['\\boxed{ Right }', 'right'],
    ['\\[\\boxed{\\text{wrong}}\\]', 'wrong'],
    ['\\boxed{\\textbf{right}}', 'right'],
    ['Final Answer\n\\boxed{right}', 'right'],
    ['The loop handles every case.\n\nright', 'right'],
    ['The loop misses n = 0.\n\nWrong.', 'wrong'],
    ['Checked all edge cases.\n\n**Right**', 'right'],
    ['It fails on the second sample.\n\n# Wrong', 'wrong'],
    ['It handles all cases. The solution is right.', 'right'],
    ['The solution is wrong', 'wrong'],
    ['Therefore, the code is correct.', 'right'],
    ['Thus the solution is not correct.', 'wrong'],
    ["So it's right.", 'right'],
    ['Hence, the given solution is incorrect!', 'wrong'],
  ]);
});

describe('OCR-2 style: no verdict', () => {
  table('ocr2', [
    ['', 'none'],
    ['   \n  ', 'none'],
    ['The solution reads the input and prints the sum.', 'none'],
    ['The wrong approach would be to sort first; this one does not.', 'none'],
    ['This is the right idea but I am not sure about overflow.', 'none'],
    ['The solution is right for small inputs.', 'none'],
    ['The solution is right for small inputs but wrong for large ones.', 'none'],
    ['Verdict: right/wrong', 'none'],
    ['I cannot decide.', 'none'],
    ['Judgement: uncertain', 'none'],
    ['Correctness depends on the constraints.', 'none'],
    ['right-hand side is computed wrong\nsee above', 'none'],
    ['I must end with `Judgement: right` or `Judgement: wrong`.', 'none'],
    ['Please answer Judgement: right / Judgement: wrong', 'none'],
    ['Judgement: righteous', 'none'],
    ['Judgement: rightly so, perhaps', 'none'],
    ['Judgement: correctly handles input', 'none'],
  ]);
});

describe('OCR-2 style: explicit markers beat prose', () => {
  table('ocr2', [
    ['The wrong approach would be brute force, but this uses DP.\n\nJudgement: right', 'right'],
    ['The right way is a segment tree; this uses a plain loop and times out.\n\nJudgement: wrong', 'wrong'],
    ['For sample 1 the final answer is correct.\nFor sample 2 it prints 5 instead of 4.\n\nJudgement: wrong', 'wrong'],
    ['Judgement: right\n\nEverything checks out, nothing is wrong.', 'right'],
    ['The format is `Judgement: right` or `Judgement: wrong`.\n\nJudgement: wrong', 'wrong'],
    ['Either Judgement: right or Judgement: wrong applies; here:\nJudgement: right', 'right'],
  ]);
});

describe('OCR-2 style: contradictions', () => {
  table('ocr2', [
    ['Judgement: right\n\nWait, the loop is off by one.\n\nJudgement: wrong', 'none'],
    ['Judgement: wrong\nJudgement: right', 'none'],
    ['\\boxed{right}\n\\boxed{wrong}', 'none'],
    ['Judgement: right\n\\boxed{wrong}', 'none'],
    ['Verdict: wrong, since n=0 fails. Also the verdict: right, since it passes the samples.', 'none'],
  ]);

  it('reports why', () => {
    expect(explainCritiqueVerdict('Judgement: right\nJudgement: wrong', 'ocr2')).toEqual({
      verdict: 'none',
      source: 'contradictory',
      markers: 2,
    });
  });

  it('agreeing repeated markers are fine', () => {
    expect(explainCritiqueVerdict('Judgement: wrong\n\n**Judgement: Wrong**', 'ocr2')).toEqual({
      verdict: 'wrong',
      source: 'marker',
      markers: 2,
    });
  });

  it('a standalone statement outranks a disagreeing marker inside a sentence', () => {
    const answer = 'My first verdict: right, which was hasty. On n = 0 it crashes.\n\nJudgement: wrong';
    expect(explainCritiqueVerdict(answer, 'ocr2')).toEqual({ verdict: 'wrong', source: 'marker', markers: 1 });
  });
});

describe('Critique-Coder style', () => {
  table('critique-coder', [
    ['\\conclusion{T}', 'right'],
    ['\\conclusion{F}', 'wrong'],
    ['\\conclusion{ T }', 'right'],
    ['\\conclusion{True}', 'right'],
    ['\\conclusion{false}', 'wrong'],
    ['\\conclusion {F}', 'wrong'],
    ['$\\conclusion{T}$', 'right'],
    ['**\\conclusion{F}**', 'wrong'],
    ['`\\conclusion{T}`', 'right'],
    ['\\conclusion{\\text{F}}', 'wrong'],
    ['\\\\conclusion{T}', 'right'],
    ['Analysis...\n\nThe solution handles all cases.\n\n\\conclusion{T}', 'right'],
    ['It overflows for n = 10^9. \\conclusion{F}', 'wrong'],
    ['\\conclusion{T}\n\\conclusion{F}', 'none'],
    ['\\conclusion{F} and later \\conclusion{T}', 'none'],
    ['End with \\conclusion{T} or \\conclusion{F}.', 'none'],
    ['\\conclusion{}', 'none'],
    ['\\conclusion{X}', 'none'],
    ['\\conclusion{T/F}', 'none'],
    ['I conclude T.', 'none'],
    ['The wrong idea would be greedy.', 'none'],
  ]);
});

describe('fallback to the other style’s markers', () => {
  it('OCR-2 prompt answered with \\conclusion', () => {
    expect(explainCritiqueVerdict('Looks fine.\n\\conclusion{T}', 'ocr2')).toEqual({
      verdict: 'right',
      source: 'other-style-marker',
      markers: 1,
    });
  });

  it('Critique-Coder prompt answered with a judgement line', () => {
    expect(explainCritiqueVerdict('Fails sample 2.\nJudgement: wrong', 'critique-coder')).toEqual({
      verdict: 'wrong',
      source: 'other-style-marker',
      markers: 1,
    });
  });

  it('the requested style wins over the other style', () => {
    expect(parseCritiqueVerdict('Judgement: right\n\\conclusion{F}', 'ocr2')).toBe('right');
    expect(parseCritiqueVerdict('Judgement: right\n\\conclusion{F}', 'critique-coder')).toBe('wrong');
  });

  it('a final verdict sentence also works under Critique-Coder', () => {
    expect(explainCritiqueVerdict('Checked.\nThe solution is correct.', 'critique-coder')).toEqual({
      verdict: 'right',
      source: 'final-line',
      markers: 0,
    });
  });
});

describe('realistic critique answers', () => {
  it('a long OCR-2 style answer with code and prose mentioning wrong', () => {
    const answer = [
      'The candidate reads `n` and the array, then sorts it.',
      '',
      '```python',
      'a.sort()',
      'print(a[-1] - a[0])  # wrong if n == 1? no, gives 0',
      '```',
      '',
      'A wrong answer would occur only if the array were empty, which the constraints exclude.',
      '',
      '**Judgement: right**',
    ].join('\n');
    expect(parseCritiqueVerdict(answer, 'ocr2')).toBe('right');
  });

  it('CRLF line endings', () => {
    expect(parseCritiqueVerdict('Analysis.\r\n\r\nJudgement: wrong\r\n', 'ocr2')).toBe('wrong');
    expect(parseCritiqueVerdict('Analysis.\r\n\r\nRight\r\n', 'ocr2')).toBe('right');
  });

  it('trailing whitespace and blank lines after the verdict', () => {
    expect(parseCritiqueVerdict('Judgement: right   \n\n\n', 'ocr2')).toBe('right');
    expect(parseCritiqueVerdict('The code is wrong.\n\n  \n', 'ocr2')).toBe('wrong');
  });

  it('a final short line that is not a verdict is not read as one', () => {
    expect(parseCritiqueVerdict('The approach is wrong in spirit.\n\nHope this helps!', 'ocr2')).toBe('none');
  });
});
