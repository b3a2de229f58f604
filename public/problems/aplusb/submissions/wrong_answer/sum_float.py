# Parses as floats: 10^18 + 10^18 prints as 2e+18.
a, b = map(float, input().split())
print(a + b)
