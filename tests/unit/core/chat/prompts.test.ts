import { describe, expect, it } from 'vitest';
import { critiquePrompt, fenceTag, generationPrompt, problemQuestion } from '../../../../src/core/chat/prompts';
import { VERDICT_FORMAT } from '../../../../src/core/chat/verdictFormat';
import { extractProgram } from '../../../../src/core/modelOutput/programExtractor';
import { explainCritiqueVerdict, parseCritiqueVerdict } from '../../../../src/core/modelOutput/verdictParser';
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

describe('generationPrompt', () => {
  it('is one user message in the OCR-2 format for Python', () => {
    const messages = generationPrompt(problem, 'python');
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m?.role).toBe('user');
    const text = m?.content ?? '';
    expect(text).toMatch(/^You are a helpful and harmless assistant\. Think step by step/);
    expect(text).toContain('Use the Python 3 programming language only.');
    expect(text).toContain('read from standard input and write to standard output');
    expect(text).toContain('starts with ```python, in this format:\n```python\n# Your code here\n```');
    expect(text.endsWith(problemQuestion(problem))).toBe(true);
  });

  it('asks for ```cpp in C++', () => {
    const text = generationPrompt(problem, 'cpp')[0]?.content ?? '';
    expect(text).toContain('Use the C++17 programming language only.');
    expect(text).toContain('```cpp\n// Your code here\n```');
    expect(text).not.toContain('```python');
  });

  it('the fence tag it asks for is one the extractor accepts', () => {
    for (const language of ['python', 'cpp'] as const) {
      const answer = `Done.\n\`\`\`${fenceTag(language)}\nX\n\`\`\``;
      expect(extractProgram(answer, language)).toEqual({ program: 'X\n', notes: [], issues: [] });
    }
  });
});

describe('critiquePrompt', () => {
  it('OCR-2: question, candidate and the exact judgement lines', () => {
    const text = critiquePrompt(problem, 'python', program, 'ocr2')[0]?.content ?? '';
    expect(text).toContain(problemQuestion(problem));
    expect(text).toContain('```python\n' + program + '```');
    expect(text).toContain(`exactly\n${VERDICT_FORMAT.ocr2.right}\nif the solution is correct`);
    expect(text).toContain(`exactly\n${VERDICT_FORMAT.ocr2.wrong}\nif it is not`);
    expect(text).not.toContain('\\conclusion');
  });

  it('Critique-Coder: correctness and full specification, \\conclusion{T}/{F}', () => {
    const text = critiquePrompt(problem, 'cpp', 'int main(){}', 'critique-coder')[0]?.content ?? '';
    expect(text).toContain('fully satisfies the specification');
    expect(text).toContain('\\conclusion{T} if the solution is correct');
    expect(text).toContain('\\conclusion{F} if it is not');
    expect(text).toContain('```cpp\nint main(){}\n```');
    expect(text).not.toContain('Judgement:');
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
      expect(explainCritiqueVerdict(text, style).source).toBe('contradictory');
    }
  });
});
