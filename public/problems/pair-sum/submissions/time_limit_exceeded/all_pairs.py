# Tries every pair in order: correct, but when the only pair is the last two (08-large) that is
# 2*10^10 tries for n = 2*10^5.
import sys

data = sys.stdin.buffer.read().split()
n, t = int(data[0]), int(data[1])
a = [int(x) for x in data[2:2 + n]]
for i in range(n):
    need = t - a[i]
    for j in range(i + 1, n):
        if a[j] == need:
            print(i + 1, j + 1)
            sys.exit()
print("none")
