"""Writes data/secret/04-large.in: 15 000 distinct banknotes where exactly one pair adds up to t,
placed far apart, so that only a linear-time (hashing) or n log n solution is fast. Deterministic."""
import random

rng = random.Random(20261130)
n = 15000
values = rng.sample(range(1, 10**9, 2), n)  # odd values: a sum of two is even
t = 10**9 + 7  # odd: no two odd values reach it ...
values[17] = 10**9  # ... except this even one
values[n - 3] = 7  # with this one
print(n, t)
print(*values)
