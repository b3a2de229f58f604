"""Writes the secret tests of the bundled problems multiples, dry-spell, min-gap, rooms and average.

Deterministic (fixed seeds): rerunning it rewrites the same files. Answers come from the plain
reference solutions below, written for clarity rather than speed. Each problem's last secret test
has the largest n its statement allows, so O(n^2) is far past the time limit natively in C++ as in
Python, while O(n log n) passes with room to spare; it comes last because judging stops at the
first failing test, so wrong answers are caught by the small tests before it and only programs that
are right on them pay for the large one. Values inside it are kept short where the statement
allows (the files are precached by the app): the size of n is what a complexity trap needs.
"""
import random
from pathlib import Path

PROBLEMS = Path(__file__).resolve().parent.parent / "public/problems"


def write_cases(problem, cases, solve):
    secret = PROBLEMS / problem / "data/secret"
    secret.mkdir(parents=True, exist_ok=True)
    for name, text in cases.items():
        (secret / f"{name}.in").write_text(text)
        (secret / f"{name}.ans").write_text(f"{solve(text)}\n")


# --- multiples: count the multiples of k in [a, b] -------------------------------------------
def multiples_answer(text):
    a, b, k = map(int, text.split())
    return b // k - (a - 1) // k


def multiples():
    rng = random.Random(91)
    cases = {
        "01-a-is-multiple": "12 30 6\n",
        "02-single-point-hit": "7 7 7\n",
        "03-single-point-miss": "8 8 7\n",
        "04-k-larger-than-b": "3 10 11\n",
        "05-huge": "1000000000000000000 1000000000000000000 1\n",
        "06-huge-range": "1 1000000000000000000 999999937\n",
    }
    for i in range(4):
        k = rng.randint(1, 10**9)
        a = k * rng.randint(1, 10**8)
        b = a + rng.randint(0, 10**17)
        cases[f"{7 + i:02d}-random"] = f"{a} {b} {k}\n"
    write_cases("multiples", cases, multiples_answer)


# --- dry-spell: longest run of consecutive dry (zero-rain) days ------------------------------
def dry_answer(text):
    values = text.split()[1:]
    best = run = 0
    for v in values:
        run = run + 1 if v == "0" else 0
        best = max(best, run)
    return best


def dry_spell():
    rng = random.Random(2026)
    def days(values):
        return f"{len(values)}\n{' '.join(map(str, values))}\n"
    large = [0 if rng.random() < 0.7 else rng.randint(1, 50) for _ in range(10**5)]  # n at its bound
    large[-60:] = [0] * 60  # the longest spell touches the last day
    cases = {
        "01-no-days": days([]),
        "02-always-raining": days([3, 1, 4, 1, 5]),
        "03-always-dry": days([0] * 9),
        "04-ends-dry": days([5, 0, 0, 2, 0, 0, 0]),
        "05-single-dry": days([0]),
        "06-large": days(large),
    }
    write_cases("dry-spell", cases, dry_answer)


# --- min-gap: smallest difference between two of the readings --------------------------------
def gap_answer(text):
    values = sorted(map(int, text.split()[1:]))
    return min(b - a for a, b in zip(values, values[1:]))


def min_gap():
    rng = random.Random(4242)
    def readings(values):
        return f"{len(values)}\n{' '.join(map(str, values))}\n"
    spread = rng.sample(range(-(10**7), 10**7 - 100, 97), 10**5)  # n at its bound, all gaps >= 97
    spread[777] = spread[76543] + 5  # the closest pair sits far apart in input order
    cases = {
        "01-two": readings([10, 3]),
        "02-equal": readings([8, 1, 8, 20]),
        "03-negative": readings([-5, 7, -1, 12]),
        "04-far-apart-in-order": readings([1, 50, 100, 150, 2]),
        "05-large": readings(spread),
    }
    write_cases("min-gap", cases, gap_answer)


# --- rooms: fewest rooms for meetings on half-open intervals [s, e) --------------------------
def rooms_answer(text):
    numbers = list(map(int, text.split()))
    n = numbers[0]
    events = []
    for i in range(n):
        s, e = numbers[1 + 2 * i], numbers[2 + 2 * i]
        events.append((s, 1))
        events.append((e, -1))
    events.sort()  # at equal times -1 (an end) sorts before +1 (a start)
    best = busy = 0
    for _, delta in events:
        busy += delta
        best = max(best, busy)
    return best


def rooms():
    rng = random.Random(7)
    def meetings(pairs):
        return f"{len(pairs)}\n" + "".join(f"{s} {e}\n" for s, e in pairs)
    chain = [(i * 10, i * 10 + 10) for i in range(8)]
    rng.shuffle(chain)
    large = []
    for _ in range(10**5):  # n at its bound
        s = rng.randint(0, 10**6 - 1)
        large.append((s, min(10**6, s + rng.randint(1, 3000))))
    back_to_back = [(s, s + 60) for s in range(0, 600000, 60)][:2000]
    rng.shuffle(back_to_back)
    cases = {
        "01-one": meetings([(5, 9)]),
        "02-chain": meetings(chain),
        "03-nested": meetings([(1, 100), (2, 99), (3, 98), (50, 51)]),
        "04-same-start": meetings([(4, 5), (4, 6), (4, 7), (5, 6)]),
        "05-back-to-back": meetings(back_to_back),
        "06-large": meetings(large),
    }
    write_cases("rooms", cases, rooms_answer)


multiples()
dry_spell()
min_gap()
rooms()


# --- average: the mean of n scores, printed as a real number ---------------------------------
def average_answer(text):
    numbers = list(map(int, text.split()))
    n, total = numbers[0], sum(numbers[1:])
    whole, rest = divmod(total, n)
    return f"{whole}.{rest * 10**12 // n:012d}"  # exact to 12 decimals, no float rounding


def average():
    rng = random.Random(1234)
    def scores(values):
        return f"{len(values)}\n{' '.join(map(str, values))}\n"
    cases = {
        "01-half": scores([1, 2]),
        "02-single": scores([999999999]),
        "03-big-mean": scores([123456789, 123456790]),
        "04-overflow": scores([10**9] * 3),
        "05-large": scores([rng.randint(0, 1000) for _ in range(10**5)]),  # n at its bound
    }
    write_cases("average", cases, average_answer)


average()
