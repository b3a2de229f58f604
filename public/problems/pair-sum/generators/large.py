"""Writes data/secret/08-large.in: n = 2*10^5 banknotes (the statement's bound) where exactly one
pair adds up to t, and it is the last two: trying every pair in order takes ~2*10^10 steps, far past
the limit natively in C++ as in Python, while hashing or sorting is fast. Deterministic.

Every value but the last two is odd and t is odd, so no two of them reach t (odd + odd is even);
the even value at position n - 1 reaches t only with the last one, which appears nowhere else.
Values stay short (the files are precached by the app), and t fits in 32 bits so this test is about
speed alone (05-wraparound holds the overflow trap).
"""
import random
from pathlib import Path

secret = Path(__file__).resolve().parent.parent / "data/secret"
rng = random.Random(20261130)
n = 2 * 10**5
values = [rng.randrange(-999, 1000, 2) for _ in range(n - 2)]  # odd, |a_i| < 1000
values += [10**9, 1001]
t = 10**9 + 1001
(secret / "08-large.in").write_text(f"{n} {t}\n{' '.join(map(str, values))}\n")
(secret / "08-large.ans").write_text(f"{n - 1} {n}\n")  # the validator accepts either order
