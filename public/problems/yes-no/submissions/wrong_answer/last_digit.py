# Checks the last digit but forgets 0: 10, 20, ... are called odd.
s = input().strip()
print("YES" if s[-1] in "2468" else "NO")
