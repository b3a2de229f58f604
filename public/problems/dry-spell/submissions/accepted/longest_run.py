import sys
data = sys.stdin.read().split()
n = int(data[0])
best = run = 0
for token in data[1:1 + n]:
    run = run + 1 if token == "0" else 0
    best = max(best, run)
print(best)
