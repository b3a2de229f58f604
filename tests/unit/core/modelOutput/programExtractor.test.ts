import { describe, expect, it } from 'vitest';
import { extractProgram } from '../../../../src/core/modelOutput/programExtractor';

const fence = (tag: string, body: string, ticks = '```') => `${ticks}${tag}\n${body}\n${ticks}`;

describe('extractProgram: the ordinary case', () => {
  it('takes a single python block without notes', () => {
    const answer = `Here is my solution.\n\n${fence('python', 'n = int(input())\nprint(n * 2)')}\n\nIt runs in O(1).`;
    expect(extractProgram(answer, 'python')).toEqual({ program: 'n = int(input())\nprint(n * 2)\n', notes: [], issues: [] });
  });

  it('takes a single cpp block', () => {
    const code = '#include <bits/stdc++.h>\nint main() { return 0; }';
    expect(extractProgram(fence('cpp', code), 'cpp')).toEqual({ program: code + '\n', notes: [], issues: [] });
  });

  it('keeps the first line’s indentation and interior blank lines', () => {
    const code = '    x = 1\n\n\nprint(x)';
    expect(extractProgram(fence('python', `\n\n${code}\n\n`), 'python').program).toBe(code + '\n');
  });
});

describe('extractProgram: language tags', () => {
  for (const tag of [
    'python',
    'Python',
    'PYTHON',
    'py',
    'python3',
    'Python3',
    'python3.11',
    '{.python}',
    'python title="sol.py"',
    'python:main.py',
    ' python ',
  ]) {
    it(`recognises \`\`\`${tag} as Python`, () => {
      expect(extractProgram(fence(tag, 'print(1)'), 'python')).toEqual({ program: 'print(1)\n', notes: [], issues: [] });
    });
  }
  for (const tag of ['cpp', 'CPP', 'c++', 'C++', 'c++17', 'cpp20', 'cc', 'cxx', 'c']) {
    it(`recognises \`\`\`${tag} as C++`, () => {
      expect(extractProgram(fence(tag, 'int main(){}'), 'cpp')).toEqual({ program: 'int main(){}\n', notes: [], issues: [] });
    });
  }

  it('uses an untagged block when no tagged block exists, with a note', () => {
    const r = extractProgram(`Solution:\n${fence('', 'print(42)')}`, 'python');
    expect(r.program).toBe('print(42)\n');
    expect(r.notes).toEqual(['The code block has no language tag; it was taken as Python 3.']);
  });

  it('prefers a tagged block over a later untagged one (e.g. sample output)', () => {
    const answer = `${fence('python', 'print(3)')}\n\nOutput:\n${fence('', '3')}`;
    expect(extractProgram(answer, 'python')).toEqual({ program: 'print(3)\n', notes: [], issues: [] });
  });

  it('ignores a block in the other language when the requested one exists', () => {
    const answer = `${fence('python', 'print(1)')}\nFor reference in C++:\n${fence('cpp', 'int main(){}')}`;
    expect(extractProgram(answer, 'python')).toEqual({ program: 'print(1)\n', notes: [], issues: [] });
  });

  it('falls back to a block in another language, with a note', () => {
    const r = extractProgram(fence('java', 'class Main {}'), 'python');
    expect(r.program).toBe('class Main {}\n');
    expect(r.notes).toEqual(["No Python 3 code block was found; used the block tagged 'java' instead."]);
  });

  it('prefers an untagged block over another language', () => {
    const r = extractProgram(`${fence('', 'print(1)')}\n${fence('cpp', 'int main(){}')}`, 'python');
    expect(r.program).toBe('print(1)\n');
  });

  it('never takes a data block as the program', () => {
    const r = extractProgram(`Input:\n${fence('text', '3\n1 2 3')}\nOutput:\n${fence('output', '6')}`, 'python');
    expect(r.program).toBeNull();
    expect(r.notes).toEqual(['The answer has no Python 3 code block, only data blocks.']);
  });

  it('a python block is not a C++ program but is the last resort', () => {
    const r = extractProgram(fence('python', 'print(1)'), 'cpp');
    expect(r.program).toBe('print(1)\n');
    expect(r.notes[0]).toMatch(/No C\+\+17 code block was found; used the block tagged 'python'/);
  });
});

describe('extractProgram: several blocks', () => {
  it('takes the last matching block and says so', () => {
    const answer = `Draft:\n${fence('python', 'print("draft")')}\nFinal:\n${fence('python', 'print("final")')}`;
    expect(extractProgram(answer, 'python')).toEqual({
      program: 'print("final")\n',
      notes: ['The answer has 2 Python 3 code blocks; the last one was used.'],
      issues: ['several-blocks'],
    });
  });

  it('counts untagged blocks in the note when those are used', () => {
    const r = extractProgram(`${fence('', 'a = 1')}\n${fence('', 'b = 2')}\n${fence('', 'c = 3')}`, 'python');
    expect(r.program).toBe('c = 3\n');
    expect(r.notes).toContain('The answer has 3 untagged code blocks; the last one was used.');
  });

  it('skips an empty final block', () => {
    const r = extractProgram(`${fence('python', 'print(1)')}\n${fence('python', '')}`, 'python');
    expect(r).toEqual({ program: 'print(1)\n', notes: [], issues: [] });
  });
});

describe('extractProgram: fence syntax', () => {
  it('accepts ~~~ fences', () => {
    expect(extractProgram(fence('python', 'print(1)', '~~~'), 'python')).toEqual({ program: 'print(1)\n', notes: [], issues: [] });
  });

  it('accepts 4+ backtick fences that contain ``` lines', () => {
    const body = 's = """\n```\nnot a fence end\n```\n"""\nprint(s)';
    expect(extractProgram(fence('python', body, '````'), 'python').program).toBe(body + '\n');
  });

  it('a shorter fence inside does not close a longer one; a longer one does', () => {
    const answer = '`````python\nprint(1)\n```\nprint(2)\n``````\ntext after';
    expect(extractProgram(answer, 'python').program).toBe('print(1)\n```\nprint(2)\n');
  });

  it('~~~ does not close a backtick fence', () => {
    const answer = '```python\nx = 1\n~~~\ny = 2\n```';
    expect(extractProgram(answer, 'python').program).toBe('x = 1\n~~~\ny = 2\n');
  });

  it('a closing fence may carry trailing spaces but no info string', () => {
    const answer = '```python\nprint(1)\n```   \nmore';
    expect(extractProgram(answer, 'python')).toEqual({ program: 'print(1)\n', notes: [], issues: [] });
    const notClosing = '```python\nprint(1)\n```python\nprint(2)\n```';
    expect(extractProgram(notClosing, 'python').program).toBe('print(1)\n```python\nprint(2)\n');
  });

  it('takes an unterminated final fence to the end, with a note', () => {
    const r = extractProgram('Here:\n```python\nn = int(input())\nprint(n', 'python');
    expect(r.program).toBe('n = int(input())\nprint(n\n');
    expect(r.notes).toEqual(['The last code block is not closed; the code was taken to the end of the answer.']);
  });

  it('normalises CRLF and lone CR line endings', () => {
    const r = extractProgram('Code:\r\n```python\r\nx = 1\r\nprint(x)\r\n```\r\n', 'python');
    expect(r).toEqual({ program: 'x = 1\nprint(x)\n', notes: [], issues: [] });
    expect(extractProgram('```python\rprint(2)\r```', 'python').program).toBe('print(2)\n');
  });

  it('removes the fence’s own indentation from an indented block (inside a list item)', () => {
    const answer = '1. The code:\n\n   ```python\n   def f():\n       return 1\n   print(f())\n   ```';
    expect(extractProgram(answer, 'python').program).toBe('def f():\n    return 1\nprint(f())\n');
  });

  it('does not treat an inline triple-backtick span as a fence', () => {
    const r = extractProgram('Use ```print(1)``` to print.', 'python');
    expect(r.program).toBeNull();
  });

  it('does not open a fence in the middle of a line', () => {
    const r = extractProgram('The code is ```python print(1)', 'python');
    expect(r.program).toBeNull();
  });
});

describe('extractProgram: no program', () => {
  it('returns null with a note when there is no block, even if the prose looks like code', () => {
    const r = extractProgram('n = int(input())\nprint(n * 2)', 'python');
    expect(r).toEqual({ program: null, notes: ['The answer contains no code block.'], issues: ['no-block'] });
  });

  it('says when the answer is empty', () => {
    expect(extractProgram('  \n ', 'python')).toEqual({ program: null, notes: ['The answer is empty.'], issues: ['empty-answer'] });
  });

  it('says when the only blocks are empty', () => {
    expect(extractProgram('```python\n\n```', 'python')).toEqual({
      program: null,
      notes: ['The answer has only empty code blocks.'],
      issues: ['empty-blocks'],
    });
  });
});
