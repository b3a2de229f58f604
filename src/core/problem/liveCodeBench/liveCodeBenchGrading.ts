/**
 * How LiveCodeBench's grader runs and compares programs, rebuilt for this judge (docs/eval.md):
 *
 * - Python programs run after a header of imports (the standard modules star-imported, as the
 *   grader does, so `List`, `defaultdict` or `gcd` work unimported) and a recursion limit of 50000.
 *   C++ programs run after `#include <bits/stdc++.h>` and `using namespace std;`, as the
 *   LiveCodeBench-C++ grader of the OCR-2 paper does.
 * - stdin problems: the output and the answer are stripped, split into lines, each line stripped;
 *   the line counts must match, and each line must be equal as text or, token by token, as
 *   decimal numbers (so `1.50` equals `1.5`, but `0.3333` does not equal `0.33333`).
 * - method-call problems (LeetCode): each input line is one JSON argument; the harness calls
 *   `Solution().<func_name>(*args)` (or a top-level function when there is no class), turns a
 *   returned tuple into a list, and reports the value; the validator compares it with the JSON
 *   answer by Python's `==`, as the grader does (so `2.0` equals `2` and `True` equals `1`).
 *   A value JSON cannot carry faithfully (a set, a nested tuple, a dict with non-string keys)
 *   never equals a JSON answer under `==`, so it is reported as such and judged wrong.
 */
import type { OutputValidatorProgram, SubmissionFrame } from '../problem';
import { DEFAULT_VALIDATION_LIMITS } from '../problem';

const STAR_IMPORTED = [
  'string',
  're',
  'datetime',
  'collections',
  'heapq',
  'bisect',
  'copy',
  'math',
  'random',
  'statistics',
  'itertools',
  'functools',
  'operator',
  'io',
  'sys',
  'json',
  'builtins',
  'typing',
];
const IMPORTED = STAR_IMPORTED.filter((m) => m !== 'builtins' && m !== 'typing');

const PYTHON_HEADER = [
  ...STAR_IMPORTED.map((m) => `from ${m} import *`),
  ...IMPORTED.map((m) => `import ${m}`),
  'sys.setrecursionlimit(50000)',
  '',
  '',
].join('\n');

const CPP_HEADER = '#include <bits/stdc++.h>\nusing namespace std;\n';

/** The line that starts the harness's report of the returned value, so a program's own prints never pass for it. */
const RESULT_MARK = '@@critique-lab-returned@@';

/** Python that calls the method after the program has defined it, and reports what it returned. */
function callHarness(funcName: string): string {
  return `

def _critique_lab_call(func_name):
    import sys as _sys, json as _json
    lines = _sys.stdin.read().split('\\n')
    if lines and lines[-1] == '':
        lines.pop()
    args = [_json.loads(line) for line in lines]
    holder = globals().get('Solution')
    if isinstance(holder, type):
        method = getattr(holder(), func_name, None)
    else:
        method = globals().get(func_name)
    if method is None:
        raise SystemExit('the program defines no method ' + func_name + ' (class Solution) to call')
    value = method(*args)
    if isinstance(value, tuple):
        value = list(value)
    def plain(v):
        if v is None or type(v) in (bool, int, float, str):
            return True
        if type(v) is list:
            return all(plain(x) for x in v)
        if type(v) is dict:
            return all(type(k) is str and plain(x) for k, x in v.items())
        return False
    report = _json.dumps(value) if plain(value) else '!' + type(value).__name__
    _sys.stdout.write('\\n' + ${JSON.stringify(RESULT_MARK)} + report + '\\n')

_critique_lab_call(${JSON.stringify(funcName)})
`;
}

export function stdinFrames(): { python: SubmissionFrame; cpp: SubmissionFrame } {
  return { python: { prefix: PYTHON_HEADER, suffix: '' }, cpp: { prefix: CPP_HEADER, suffix: '' } };
}

/** Method-call problems have a Python harness only: C++ candidates for them are not judged. */
export function callFrames(funcName: string): { python: SubmissionFrame } {
  return { python: { prefix: PYTHON_HEADER, suffix: callHarness(funcName) } };
}

const VALIDATOR_SOURCE = `"""LiveCodeBench's comparison as a Kattis output validator (critique-lab, docs/eval.md)."""
import sys, json
from decimal import Decimal

MARK = ${JSON.stringify(RESULT_MARK)}

def finish(accepted, message=''):
    if message:
        with open(sys.argv[3] + 'judgemessage.txt', 'w') as f:
            f.write(message)
    sys.exit(42 if accepted else 43)

def short(text):
    return text if len(text) <= 200 else text[:100] + ' … ' + text[-100:]

def stripped_lines(text):
    return [line.strip() for line in text.strip().split('\\n')]

def decimals(line):
    try:
        return [Decimal(token) for token in line.split()]
    except Exception:
        return None

def compare_stdin(output, answer):
    got, expected = stripped_lines(output), stripped_lines(answer)
    if len(got) != len(expected):
        finish(False, 'printed %d lines, expected %d' % (len(got), len(expected)))
    for number, (g, e) in enumerate(zip(got, expected), 1):
        if g == e:
            continue
        dg, de = decimals(g), decimals(e)
        if dg is None or de is None or dg != de:
            finish(False, 'line %d: %s, expected %s' % (number, short(g), short(e)))
    finish(True)

def compare_call(output, answer):
    reports = [line[len(MARK):] for line in output.split('\\n') if line.startswith(MARK)]
    if not reports:
        finish(False, 'the method returned nothing the judge could read')
    report = reports[-1]
    if report.startswith('!'):
        finish(False, 'returned a %s, which never equals the expected JSON value %s' % (report[1:], short(answer.strip())))
    if json.loads(report) == json.loads(answer):
        finish(True)
    finish(False, 'returned %s, expected %s' % (short(report), short(answer.strip())))

with open(sys.argv[2]) as f:
    answer = f.read()
output = sys.stdin.read()
(compare_call if sys.argv[4:] == ['call'] else compare_stdin)(output, answer)
`;

export function liveCodeBenchValidator(mode: 'stdin' | 'call'): OutputValidatorProgram {
  return {
    language: 'python',
    entry: 'lcb_compare.py',
    files: { 'lcb_compare.py': VALIDATOR_SOURCE },
    flags: mode === 'call' ? ['call'] : [],
    folder: 'livecodebench/',
    limits: DEFAULT_VALIDATION_LIMITS,
  };
}
