# Walks every marker: fine for the samples, hopeless for b up to 10^18.
a, b, k = map(int, input().split())
print(sum(1 for x in range(a, b + 1) if x % k == 0))
