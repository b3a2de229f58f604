import { describe, expect, it } from 'vitest';
import { critiquePrompt, fenceTag, generationPrompt, problemQuestion } from '../../../../src/core/chat/prompts';
import { VERDICT_FORMAT } from '../../../../src/core/chat/verdictFormat';
import { extractProgram } from '../../../../src/core/modelOutput/programExtractor';
import { explainCritiqueVerdict, parseCritiqueVerdict } from '../../../../src/core/modelOutput/verdictParser';
import { trainedCritique, trainedGeneration } from '../../../fixtures/trainedPrompts';
import { DEFAULT_LIMITS, DEFAULT_VALIDATOR, type Problem } from '../../../../src/core/problem/problem';

const problem: Problem = {
  id: 'sum',
  title: 'Sum of Two',
  statement: 'Given two integers $a$ and $b$, print $a + b$.\n\n## Input\nOne line with `a b`.',
  limits: { ...DEFAULT_LIMITS, timeSeconds: 1 },
  validator: DEFAULT_VALIDATOR,
  tests: [
    { name: 'sample/1', group: 'sample', input: '1 2\n', answer: '3\n' },
    { name: 'sample/2', group: 'sample', input: '-5 5\n', answer: '0\n' },
    { name: 'secret/1', group: 'secret', input: '1000000 1\n', answer: 'SECRET-ANSWER\n' },
  ],
  contentHash: 'x',
};

const program = 'a, b = map(int, input().split())\nprint(a + b)\n';

describe('problemQuestion', () => {
  const q = problemQuestion(problem);

  it('has the title, statement, limits and every sample in order', () => {
    expect(q).toContain('# Sum of Two');
    expect(q).toContain('Given two integers $a$ and $b$, print $a + b$.');
    expect(q).toContain('Time limit: 1 second per test. Memory limit: 256 MiB.');
    expect(q).toContain('## Sample 1\n\nInput:\n```\n1 2\n```\n\nOutput:\n```\n3\n```');
    expect(q.indexOf('## Sample 1')).toBeLessThan(q.indexOf('## Sample 2'));
    expect(q).toContain('-5 5');
  });

  it('never leaks secret tests', () => {
    expect(q).not.toContain('SECRET-ANSWER');
    expect(q).not.toContain('1000000 1');
  });

  it('fences sample data safely even when it contains backticks', () => {
    const tricky: Problem = {
      ...problem,
      tests: [{ name: 'sample/1', group: 'sample', input: '```\n', answer: 'ok\n' }],
    };
    expect(problemQuestion(tricky)).toContain('Input:\n````\n```\n````');
  });

  it('pluralises the time limit', () => {
    expect(problemQuestion({ ...problem, limits: { ...DEFAULT_LIMITS, timeSeconds: 2.5 } })).toContain('2.5 seconds');
  });
});

const FIG6 = trainedGeneration;
const FIG7 = trainedCritique;

describe('generationPrompt', () => {
  it('is one user message, exactly the trained template, in Python', () => {
    expect(generationPrompt(problem, 'python')).toEqual([{ role: 'user', content: FIG6('python', 'python', problemQuestion(problem)) }]);
  });

  it('in C++ the words are c++ and cpp; the placeholder line stays # Your code here', () => {
    expect(generationPrompt(problem, 'cpp')).toEqual([{ role: 'user', content: FIG6('c++', 'cpp', problemQuestion(problem)) }]);
  });

  it('a statement holding template slots or $& is inserted verbatim', () => {
    const odd = { ...problem, statement: 'Print {question} and {solution} and $& literally.' };
    expect(generationPrompt(odd, 'python')[0]?.content).toContain('Print {question} and {solution} and $& literally.');
  });

  it('the fence tag it asks for is one the extractor accepts', () => {
    for (const language of ['python', 'cpp'] as const) {
      const answer = `Done.\n\`\`\`${fenceTag(language)}\nX\n\`\`\``;
      expect(extractProgram(answer, language)).toEqual({ program: 'X\n', notes: [], issues: [] });
    }
  });
});

describe('critiquePrompt', () => {
  it('OCR-2: one user message, exactly the trained template; {solution} is the fenced program', () => {
    expect(critiquePrompt(problem, 'python', program, 'ocr2')).toEqual([
      { role: 'user', content: FIG7(problemQuestion(problem), '```python\n' + program + '```') },
    ]);
    expect(critiquePrompt(problem, 'cpp', 'int main(){}', 'ocr2')).toEqual([
      { role: 'user', content: FIG7(problemQuestion(problem), '```cpp\nint main(){}\n```') },
    ]);
  });

  it('the tag the OCR-2 template names is the one the verdict format writes', () => {
    const text = critiquePrompt(problem, 'python', program, 'ocr2')[0]?.content ?? '';
    expect(text).toContain(VERDICT_FORMAT.ocr2.right.replace('right', 'right/wrong'));
    expect(text).not.toContain('\\conclusion');
  });

  it('Critique-Coder: correctness and full specification, \\conclusion{T}/{F}', () => {
    const text = critiquePrompt(problem, 'cpp', 'int main(){}', 'critique-coder')[0]?.content ?? '';
    expect(text).toContain('fully satisfies the specification');
    expect(text).toContain('\\conclusion{T} if the solution is correct');
    expect(text).toContain('\\conclusion{F} if it is not');
    expect(text).toContain('```cpp\nint main(){}\n```');
    expect(text).not.toContain('<judgment>');
  });

  it('the candidate program can be read back from the prompt unchanged', () => {
    for (const style of ['ocr2', 'critique-coder'] as const) {
      const text = critiquePrompt(problem, 'python', program, style)[0]?.content ?? '';
      expect(extractProgram(text, 'python').program).toBe(program);
    }
  });

  it('a program containing ``` cannot break out of its fence', () => {
    const nasty = 's = """\n```\n"""\nprint(s)';
    const text = critiquePrompt(problem, 'python', nasty, 'ocr2')[0]?.content ?? '';
    expect(text).toContain('````python\n' + nasty + '\n````');
    expect(extractProgram(text, 'python').program).toBe(nasty + '\n');
  });

  it('a critique that only echoes the prompt has no verdict', () => {
    for (const style of ['ocr2', 'critique-coder'] as const) {
      const text = critiquePrompt(problem, 'python', program, style)[0]?.content ?? '';
      expect(parseCritiqueVerdict(text, style)).toBe('none');
    }
    // Critique-Coder's prompt names both conclusions; OCR-2's names neither tag on its own.
    expect(
      explainCritiqueVerdict(critiquePrompt(problem, 'python', program, 'critique-coder')[0]?.content ?? '', 'critique-coder').source,
    ).toBe('contradictory');
    expect(explainCritiqueVerdict(critiquePrompt(problem, 'python', program, 'ocr2')[0]?.content ?? '', 'ocr2').source).toBe('missing');
  });
});
