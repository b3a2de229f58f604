# Compares neighbours in input order, as if the log were sorted.
n = int(input())
t = list(map(int, input().split()))
print(min(abs(t[i + 1] - t[i]) for i in range(n - 1)))
