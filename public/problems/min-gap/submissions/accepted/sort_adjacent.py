import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
t = sorted(map(int, data[1:1 + n]))
print(min(t[i + 1] - t[i] for i in range(n - 1)))
