# Every (l, r) pair: correct, but O(n^2): 2*10^10 steps for n = 2*10^5.
import sys
data = sys.stdin.read().split()
n = int(data[0])
a = list(map(int, data[1:1 + n]))
best = a[0]
for l in range(n):
    s = 0
    for r in range(l, n):
        s += a[r]
        if s > best:
            best = s
print(best)
