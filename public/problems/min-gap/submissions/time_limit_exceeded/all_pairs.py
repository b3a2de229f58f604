# Compares every pair: correct, but 5*10^9 pairs for n = 10^5.
import sys
data = sys.stdin.read().split()
n = int(data[0])
t = list(map(int, data[1:1 + n]))
best = abs(t[0] - t[1])
for i in range(n):
    for j in range(i + 1, n):
        d = abs(t[i] - t[j])
        if d < best:
            best = d
print(best)
