# // rounds down to a whole score: 26.25 would print 26.
n = int(input())
s = list(map(int, input().split()))
print(sum(s) // n)
