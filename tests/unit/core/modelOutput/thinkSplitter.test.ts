import { describe, expect, it } from 'vitest';
import type { ChatDelta } from '../../../../src/core/chat/chatEngine';
import { splitThinking, ThinkSplitter, type ThinkSplitterOptions } from '../../../../src/core/modelOutput/thinkSplitter';
import { createRng } from '../../../../src/core/metrics/seededRandom';

function stream(chunks: string[], options?: ThinkSplitterOptions) {
  const s = new ThinkSplitter(options);
  const deltas: ChatDelta[] = [];
  for (const c of chunks) deltas.push(...s.push(c));
  deltas.push(...s.end());
  let reasoning = '';
  let content = '';
  for (const d of deltas) {
    reasoning += d.reasoning ?? '';
    content += d.content ?? '';
  }
  return { reasoning, content, unterminated: s.unterminated, deltas };
}

/** Every way of cutting `text` into two chunks, plus one-character chunks. */
function chunkings(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

const CASES: { name: string; text: string; options?: ThinkSplitterOptions; want: [string, string, boolean] }[] = [
  { name: 'plain trace and answer', text: '<think>\nLet me see.\n</think>\n\nThe answer.', want: ['Let me see.', 'The answer.', false] },
  { name: 'leading whitespace dropped', text: '  \n<think>r</think>c', want: ['r', 'c', false] },
  { name: 'no tags at all is all content', text: 'Just an answer\nwith two lines.', want: ['', 'Just an answer\nwith two lines.', false] },
  { name: 'unterminated trace', text: '<think>\nthinking and thinking', want: ['thinking and thinking', '', true] },
  { name: 'stray close tag: text before is reasoning', text: 'I think so.\n</think>\nAnswer', want: ['I think so.', 'Answer', false] },
  { name: 'non-whitespace before <think> is reasoning', text: 'Hmm.<think>more</think>ans', want: ['Hmm.more', 'ans', false] },
  { name: 'empty trace', text: '<think></think>answer', want: ['', 'answer', false] },
  { name: 'empty everything', text: '', want: ['', '', false] },
  { name: 'only whitespace', text: ' \n\t ', want: ['', '', false] },
  {
    name: 'literal tags after the trace are content',
    text: '<think>a</think>print("<think>")\n</think>',
    want: ['a', 'print("<think>")\n</think>', false],
  },
  { name: 'second <think> inside the trace is literal', text: '<think>a <think> b</think>c', want: ['a <think> b', 'c', false] },
  { name: 'interior whitespace kept', text: '<think>  a\n\n  b  </think>\n  x\n\n  y  \n', want: ['a\n\n  b', 'x\n\n  y', false] },
  { name: 'near-miss tags are text', text: '<thinking>x</thinker>', want: ['', '<thinking>x</thinker>', false] },
  { name: 'partial open tag at end of plain text', text: 'value <thi', want: ['', 'value <thi', false] },
  { name: 'partial close tag at end of trace', text: '<think>abc</thi', want: ['abc</thi', '', true] },
  {
    name: 'start in reasoning',
    text: 'reasoning here</think>answer',
    options: { startInReasoning: true },
    want: ['reasoning here', 'answer', false],
  },
  { name: 'start in reasoning, no close', text: 'still thinking', options: { startInReasoning: true }, want: ['still thinking', '', true] },
  {
    name: 'start in reasoning, model repeats <think>',
    text: '\n<think>\nr</think>a',
    options: { startInReasoning: true },
    want: ['r', 'a', false],
  },
  {
    name: 'start in reasoning, later <think> is literal',
    text: 'x <think> y</think>a',
    options: { startInReasoning: true },
    want: ['x <think> y', 'a', false],
  },
  { name: 'start in reasoning, empty output', text: '', options: { startInReasoning: true }, want: ['', '', true] },
  { name: 'start in reasoning, bare partial open tag', text: '<thi', options: { startInReasoning: true }, want: ['<thi', '', true] },
  { name: 'close tag immediately', text: '</think>answer', want: ['', 'answer', false] },
  { name: 'unicode survives', text: '<think>ε → δ 🙂</think>π ≈ 3.14', want: ['ε → δ 🙂', 'π ≈ 3.14', false] },
  { name: 'CRLF whitespace', text: '<think>\r\nr\r\n</think>\r\n\r\nc\r\n', want: ['r', 'c', false] },
];

describe('splitThinking', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const got = splitThinking(c.text, c.options);
      expect([got.reasoning, got.content, got.unterminated]).toEqual(c.want);
    });
  }
});

describe('ThinkSplitter streaming', () => {
  for (const c of CASES) {
    it(`${c.name}: every chunking gives the same split`, () => {
      for (const chunks of chunkings(c.text)) {
        const got = stream(chunks, c.options);
        expect([got.reasoning, got.content, got.unterminated]).toEqual(c.want);
      }
    });
  }

  it('random chunkings of a long output agree with the one-shot split', () => {
    const text =
      '<think>\nOkay, the input is n then n numbers.\nWait </th is not a tag. <think> neither.\n\n' +
      'Edge: n = 0.\n</think>\n\nHere is the code:\n\n```python\nprint(sum(map(int, input().split())))\n```\n';
    const want = splitThinking(text);
    expect(want.reasoning.startsWith('Okay')).toBe(true);
    expect(want.content.startsWith('Here is the code:')).toBe(true);
    const rng = createRng(31);
    for (let trial = 0; trial < 300; trial++) {
      const chunks: string[] = [];
      let i = 0;
      while (i < text.length) {
        const len = 1 + Math.floor(rng() * 12);
        chunks.push(text.slice(i, i + len));
        i += len;
      }
      const got = stream(chunks);
      expect(got.reasoning).toBe(want.reasoning);
      expect(got.content).toBe(want.content);
      expect(got.unterminated).toBe(false);
    }
  });

  it('emits reasoning while the trace is still open, without waiting for the end', () => {
    const s = new ThinkSplitter();
    expect(s.push('<th')).toEqual([]);
    expect(s.push('ink>\nFirst')).toEqual([{ reasoning: 'First' }]);
    expect(s.state).toBe('reasoning');
    expect(s.push(' thought')).toEqual([{ reasoning: ' thought' }]);
    // Trailing newline and a partial close tag wait until they are decided.
    expect(s.push('.\n</thi')).toEqual([{ reasoning: '.' }]);
    expect(s.push('nk>\n\nAns')).toEqual([{ content: 'Ans' }]);
    expect(s.state).toBe('content');
    expect(s.push('wer')).toEqual([{ content: 'wer' }]);
    expect(s.end()).toEqual([]);
    expect(s.unterminated).toBe(false);
  });

  it('a held partial close tag that turns out to be text is released as reasoning', () => {
    const s = new ThinkSplitter({ startInReasoning: true });
    expect(s.push('a </thi')).toEqual([{ reasoning: 'a' }]);
    expect(s.push('s is not it')).toEqual([{ reasoning: ' </this is not it' }]);
  });

  it('holds undecided text until a tag decides it', () => {
    const s = new ThinkSplitter();
    expect(s.push('Okay, so ')).toEqual([]);
    expect(s.state).toBe('undecided');
    expect(s.push('the plan.</think>Answer')).toEqual([{ reasoning: 'Okay, so the plan.' }, { content: 'Answer' }]);
  });

  it('with startInReasoning, text streams as reasoning immediately', () => {
    const s = new ThinkSplitter({ startInReasoning: true });
    expect(s.push('Okay, so')).toEqual([{ reasoning: 'Okay, so' }]);
  });

  it('flags an unterminated trace only after end()', () => {
    const s = new ThinkSplitter();
    s.push('<think>still going');
    expect(s.unterminated).toBe(false);
    s.end();
    expect(s.unterminated).toBe(true);
  });

  it('never emits empty deltas, and never returns to reasoning after content', () => {
    const text = '<think> a </think> b <think> c </think> d';
    for (const chunks of chunkings(text)) {
      const { deltas } = stream(chunks);
      let sawContent = false;
      for (const d of deltas) {
        expect(Object.keys(d)).toHaveLength(1);
        if (d.reasoning !== undefined) {
          expect(d.reasoning).not.toBe('');
          expect(sawContent).toBe(false);
        }
        if (d.content !== undefined) {
          expect(d.content).not.toBe('');
          sawContent = true;
        }
      }
    }
  });

  it('end() is idempotent and push after end() throws', () => {
    const s = new ThinkSplitter();
    s.push('x');
    expect(s.end()).toEqual([{ content: 'x' }]);
    expect(s.end()).toEqual([]);
    expect(() => s.push('y')).toThrow();
  });

  it('handles a long tagless stream in many small chunks without losing text', () => {
    const s = new ThinkSplitter();
    const parts = Array.from({ length: 5000 }, (_, i) => `w${i} `);
    for (const p of parts) expect(s.push(p)).toEqual([]);
    const out = s.end();
    expect(out).toEqual([{ content: parts.join('').trimEnd() }]);
  });
});
