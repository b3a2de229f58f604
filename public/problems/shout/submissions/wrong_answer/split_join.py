# Rebuilds each line from its words: runs of spaces collapse to one.
import sys
for line in sys.stdin:
    print(" ".join(line.split()).upper())
