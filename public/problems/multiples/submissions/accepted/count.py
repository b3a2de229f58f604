a, b, k = map(int, input().split())
print(b // k - (a - 1) // k)
