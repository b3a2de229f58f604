# For each start, counts the meetings running then: correct, but O(n^2): 10^10 checks for n = 10^5.
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
m = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n)]
best = 0
for s, _ in m:
    running = 0
    for s2, e2 in m:
        if s2 <= s < e2:
            running += 1
    best = max(best, running)
print(best)
