import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
events = []
for i in range(n):
    events.append((int(data[1 + 2 * i]), 1))
    events.append((int(data[2 + 2 * i]), -1))
events.sort()  # at equal times an end (-1) comes before a start (+1)
busy = best = 0
for _, delta in events:
    busy += delta
    best = max(best, busy)
print(best)
