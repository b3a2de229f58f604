"""Output validator for "Two That Add Up" (Kattis protocol).

Called as: pair_sum_validator.py input answer feedback_dir < team_output
Exit 42 when the output is a correct pair (any correct pair) or a correct "none",
43 otherwise; a one-line reason goes to feedback_dir/judgemessage.txt.
"""
import os
import sys

ACCEPT, REJECT = 42, 43


def verdict(code, message):
    with open(os.path.join(sys.argv[3], 'judgemessage.txt'), 'w') as feedback:
        feedback.write(message + '\n')
    sys.exit(code)


def main():
    with open(sys.argv[1]) as f:
        numbers = f.read().split()
    n, t = int(numbers[0]), int(numbers[1])
    a = [int(x) for x in numbers[2:2 + n]]
    with open(sys.argv[2]) as f:
        pair_exists = f.read().split() != ['none']

    tokens = sys.stdin.read().split()
    if not pair_exists:
        if [tok.lower() for tok in tokens] == ['none']:
            verdict(ACCEPT, 'correct: no pair adds up to %d' % t)
        verdict(REJECT, 'expected "none": no two different banknotes add up to %d' % t)
    if len(tokens) == 1 and tokens[0].lower() == 'none':
        verdict(REJECT, 'printed "none" but a pair adding up to %d exists' % t)
    if len(tokens) != 2:
        verdict(REJECT, 'expected two positions, got %d tokens' % len(tokens))
    try:
        i, j = int(tokens[0]), int(tokens[1])
    except ValueError:
        verdict(REJECT, 'positions must be integers, got %r' % ' '.join(tokens))
    if not (1 <= i <= n and 1 <= j <= n):
        verdict(REJECT, 'positions must be between 1 and %d, got %d and %d' % (n, i, j))
    if i == j:
        verdict(REJECT, 'the two positions must differ, got %d twice' % i)
    if a[i - 1] + a[j - 1] != t:
        verdict(REJECT, 'a_%d + a_%d = %d, not %d' % (i, j, a[i - 1] + a[j - 1], t))
    verdict(ACCEPT, 'correct: a_%d + a_%d = %d' % (i, j, t))


main()
