n = int(input())
s = list(map(int, input().split()))
print(sum(s) / n)
