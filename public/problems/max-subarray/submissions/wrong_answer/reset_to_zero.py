# Clamps the running sum at 0: an all-negative input gives 0 instead of its largest element.
n = int(input())
a = list(map(int, input().split()))
best = cur = 0
for x in a:
    cur = max(0, cur + x)
    best = max(best, cur)
print(best)
