import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
best = cur = int(data[1])
for token in data[2:1 + n]:
    x = int(token)
    cur = x if cur < 0 else cur + x
    best = max(best, cur)
print(best)
