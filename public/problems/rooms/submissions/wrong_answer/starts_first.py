# At equal times the start is counted before the end: back-to-back meetings need two rooms.
import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
events = []
for i in range(n):
    events.append((int(data[1 + 2 * i]), 0, 1))
    events.append((int(data[2 + 2 * i]), 1, -1))
events.sort()
busy = best = 0
for _, _, delta in events:
    busy += delta
    best = max(best, busy)
print(best)
