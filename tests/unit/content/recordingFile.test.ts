/**
 * The hand-written recordings' file format (scripts/demoRuns/recordingFile.ts): front matter,
 * texts under fixed headings kept exactly, programs included by path, and mistakes named.
 */
import { describe, expect, it } from 'vitest';
import { parseRecordingFile, withIncludedPrograms } from '../../../scripts/demoRuns/recordingFile';
import { loadHandwrittenRuns } from '../../../scripts/demoRuns/allRuns';

const FRONT =
  '---\nid: tiny-handwritten\nproblem: aplusb\ncaption: "A: tiny"\nlanguage: python\nk: 1\nm: 2\nseed: 3\ncreatedAt: 2026-01-01T00:00:00.000Z\n---\n\n';
const BODY =
  '# Candidate 1\n\n## Generation reasoning\n\nAdd them.\n\n# not a heading: indented code follows\n    x = 1\n\n' +
  '## Generation answer\n\nSum:\n\n```python file=submissions/accepted/sum.py\n```\n\n' +
  '## Critique 1 reasoning\n\nFine.\n\n## Critique 1 answer\n\n<judgment>right</judgment>\n\n' +
  '## Critique 2 reasoning\n\n\n\n## Critique 2 answer\n\n<judgment>wrong</judgment>\n';

describe('a recording file', () => {
  it('reads front matter and every text exactly, and includes programs by path', async () => {
    const run = await withIncludedPrograms(parseRecordingFile(FRONT + BODY, 'tiny.md'), async (path) => {
      expect(path).toBe('submissions/accepted/sum.py');
      return 'print(sum(map(int, input().split())))\n';
    });
    expect(run).toEqual({
      id: 'tiny-handwritten',
      problemId: 'aplusb',
      caption: 'A: tiny',
      language: 'python',
      m: 2,
      seed: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      candidates: [
        {
          generation: {
            reasoning: 'Add them.\n\n# not a heading: indented code follows\n    x = 1',
            answer: 'Sum:\n\n```python\nprint(sum(map(int, input().split())))\n```',
          },
          critiques: [
            { reasoning: 'Fine.', answer: '<judgment>right</judgment>' },
            { reasoning: '', answer: '<judgment>wrong</judgment>' },
          ],
        },
      ],
    });
  });

  it('names what is wrong', () => {
    expect(() => parseRecordingFile(BODY, 'x.md')).toThrow('x.md: must start with YAML front matter');
    expect(() => parseRecordingFile(FRONT.replace('k: 1', 'k: 2') + BODY, 'x.md')).toThrow(
      'front matter says k = 2, the file has 1 candidates',
    );
    expect(() => parseRecordingFile(FRONT.replace('m: 2', 'm: 3') + BODY, 'x.md')).toThrow('candidate 1 has 2 critiques, m = 3');
    expect(() => parseRecordingFile(FRONT.replace('language: python', 'language: rust') + BODY, 'x.md')).toThrow(
      '"language" must be one of',
    );
    expect(() => parseRecordingFile(FRONT + BODY.replace('## Critique 2 reasoning', '## Critique 3 reasoning'), 'x.md')).toThrow(
      /x\.md:\d+: expected the critique 2 section here/,
    );
  });
});

describe('the bundled recordings', () => {
  it('all load, one id per file, and every critique ends the way OCR-2 was trained to', async () => {
    const runs = await loadHandwrittenRuns();
    expect(runs.length).toBeGreaterThanOrEqual(11);
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
    for (const critique of runs.flatMap((r) => r.candidates.flatMap((c) => c.critiques))) {
      expect(critique.answer).toMatch(/<judgment>(right|wrong)<\/judgment>$/);
    }
  });
});
