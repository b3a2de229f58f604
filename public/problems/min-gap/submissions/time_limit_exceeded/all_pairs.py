# Compares every pair: correct, but 2*10^8 pairs for n = 2*10^4.
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
