"""Writes the secret tests of the bundled problem public/problems/max-subarray (deterministic)."""
import random
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "public/problems/max-subarray/data/secret"
rng = random.Random(20261122)


def best(values):
    best_sum, current = values[0], 0
    for v in values:
        current = max(v, current + v)
        best_sum = max(best_sum, current)
    return best_sum


cases = {
    "01-small": [rng.randint(-20, 20) for _ in range(12)],
    "02-all-negative": [rng.randint(-1000, -1) for _ in range(9)],
    "03-single": [-7],
    # 64-bit sums (2·10^11) on few numbers: the trap is overflow, not speed, so no program times out here.
    "04-huge-values": [10**9] * 100 + [-(10**9)] + [10**9] * 100,
    # n at its bound (2*10^5): O(n^2) is ~2*10^10 steps, far past the limit natively in C++ too. The
    # values are short (the files are precached by the app); 04 already covers sums past 32 bits.
    "05-large": [rng.randint(-999, 999) for _ in range(2 * 10**5)],
}
for name, values in cases.items():
    (root / f"{name}.in").write_text(f"{len(values)}\n{' '.join(map(str, values))}\n")
    (root / f"{name}.ans").write_text(f"{best(values)}\n")
