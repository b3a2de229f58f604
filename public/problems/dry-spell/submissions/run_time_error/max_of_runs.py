# max() of an empty list raises ValueError when no day was dry (or no day was recorded).
n = int(input())
rain = input().split()
runs = []
run = 0
for r in rain:
    if r == "0":
        run += 1
    elif run:
        runs.append(run)
        run = 0
if run:
    runs.append(run)
print(max(runs))
