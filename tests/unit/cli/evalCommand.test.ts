/**
 * `critique-lab eval` end to end in Node: a scripted OpenAI-compatible server plays a reasoning
 * model that writes two right and two wrong programs for A+B and critiques them; the real
 * pipeline runs the programs on real Pyodide; the run records it writes import into the app's
 * codec byte for byte, and the metrics table reports the paper's numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalCommand } from '../../../src/cli/evalCommand';
import { parseRunRecord, serializeRunRecord } from '../../../src/core/record/runRecordCodec';
import { problemQuestion } from '../../../src/core/chat/prompts';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { trainedCritique, trainedGeneration } from '../../fixtures/trainedPrompts';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../../fixtures/servers/scriptedOpenAIServer';

const RIGHT = 'a, b = map(int, input().split())\nprint(a + b)';
const WRONG = 'a, b = map(int, input().split())\nprint(a - b)';
const RIGHT_CPP = '#include <cstdio>\nint main() { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\\n", a + b); }';
const words = (s: string): string[] => s.split(/(?<= )/);

let server: ScriptedServer;
let work: string;
let generations = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'critique-lab-eval-'));
  await cp('public/problems/aplusb', join(work, 'problems', 'aplusb'), { recursive: true });
  server = await startScriptedOpenAIServer({
    respond: (req) => {
      if (req.path === '/v1/models') return { json: { object: 'list', data: [{ id: 'ocr2-7b', object: 'model' }] } };
      const messages = (req.body?.messages ?? []) as { role: string; content: string }[];
      const prompt = messages.at(-1)?.content ?? '';
      if (prompt.includes('## Solution\n')) {
        const right = prompt.includes('a + b');
        // Correct candidates get short critiques; the judge errs once on a wrong one.
        const errs = !right && prompt.includes('a - b') && generations % 2 === 0;
        const verdict = right || errs ? '<judgment>right</judgment>' : '<judgment>wrong</judgment>';
        const trace = right
          ? 'It adds the two numbers. '
          : 'It subtracts instead of adding, which fails the sample. Let me double-check the sample: 1 2 gives -1, not 3. ';
        return {
          frames: chatFrames({
            model: 'ocr2-7b',
            wire: 'inline',
            reasoning: words(trace),
            answer: [`The program ${right ? 'adds' : 'subtracts'}.\n`, verdict],
          }),
        };
      }
      if (prompt.includes('Please use c++ programming language only.')) {
        return {
          frames: chatFrames({
            model: 'ocr2-7b',
            wire: 'reasoning_content',
            reasoning: words('Sum them. '),
            answer: ['```cpp\n', `${RIGHT_CPP}\n`, '```'],
          }),
        };
      }
      const program = generations++ % 2 === 0 ? RIGHT : WRONG;
      return {
        frames: chatFrames({
          model: 'ocr2-7b',
          wire: 'reasoning_content',
          reasoning: words('Read a and b, print the sum. '),
          answer: ['```python\n', `${program}\n`, '```'],
        }),
      };
    },
  });
});

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('critique-lab eval', () => {
  it('runs the pipeline against the server and writes importable run records and a metrics table', async () => {
    const out = join(work, 'out');
    const code = await evalCommand.run([
      '--endpoint',
      server.url,
      '--model',
      'ocr2-7b',
      '--problems',
      join(work, 'problems'),
      '--k',
      '4',
      '--m',
      '1',
      '--out',
      out,
      '--quiet',
    ]);
    expect(code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['aplusb.run.json', 'journal.jsonl', 'metrics.json', 'metrics.md', 'report.html']);
    const text = await readFile(join(out, 'aplusb.run.json'), 'utf8');
    const record = parseRunRecord(text);
    expect(serializeRunRecord(record)).toBe(text);
    expect(record).toMatchObject({
      status: 'complete',
      engine: { kind: 'openai', endpoint: `${server.url}/v1` },
      model: { id: 'ocr2-7b' },
      provenance: { kind: 'live' },
    });
    expect(record.candidates).toHaveLength(4);
    expect(record.candidates.map((c) => c.execution?.result.verdict)).toEqual(['AC', 'WA', 'AC', 'WA']);
    expect(record.candidates[0]?.generation.reasoning).toBe('Read a and b, print the sum.');
    expect(record.metrics?.passAt1).toBeCloseTo(0.5);
    expect(record.metrics?.passAtK).toBe(1);
    // Shortest critique among those judged right picks a correct candidate.
    expect(record.metrics?.selectAtK['shortest-critique']).toBe(1);
    const md = await readFile(join(out, 'metrics.md'), 'utf8');
    expect(md).toContain('| aplusb | complete | 2/4 | 50.0% | 100.0% |');
    expect(md).toContain('select@4: shortest-critique');
    const summary = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')) as { mean: { passAt1: number } };
    expect(summary.mean.passAt1).toBeCloseTo(0.5);
    // k generations + k×m critiques went to the server.
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(8);
  });

  it('sends the server exactly the trained prompts, one user message each, in Python and in C++', async () => {
    const question = problemQuestion(await readProblemDir(join(work, 'problems', 'aplusb')));
    for (const [language, lang, fence, program] of [
      ['python', 'python', 'python', RIGHT],
      ['cpp', 'c++', 'cpp', RIGHT_CPP],
    ] as const) {
      const before = server.requests.length;
      const out = join(work, `prompts-${language}`);
      expect(
        await evalCommand.run([
          '--endpoint',
          server.url,
          '--model',
          'ocr2-7b',
          '--problems',
          join(work, 'problems', 'aplusb'),
          '--k',
          '1',
          '--m',
          '1',
          '--language',
          language,
          '--out',
          out,
          '--quiet',
        ]),
      ).toBe(0);
      const bodies = server.requests
        .slice(before)
        .filter((r) => r.path === '/v1/chat/completions')
        .map((r) => r.body?.messages);
      expect(bodies).toEqual([
        [{ role: 'user', content: trainedGeneration(lang, fence, question) }],
        [{ role: 'user', content: trainedCritique(question, `\`\`\`${fence}\n${program}\n\`\`\``) }],
      ]);
    }
  });

  it('explains usage errors and an unreachable endpoint', async () => {
    expect(await evalCommand.run(['--model', 'x'])).toBe(2);
    expect(
      await evalCommand.run([
        '--endpoint',
        'http://127.0.0.1:9',
        '--model',
        'x',
        '--problems',
        join(work, 'problems'),
        '--k',
        '1',
        '--m',
        '1',
        '--out',
        join(work, 'o2'),
      ]),
    ).toBe(2);
  });
});
