#!/usr/bin/env python3
"""SUSHI set-B scores to a ratings CSV (user,item,rating; higher preferred) and an item-names CSV (id,title).

A person is identified by their line, 0 for the first, in both the score and the order file (the same people in
the same order). The orientation of the scores is measured against the order file, not assumed."""
import os
import sys

sushi, work = sys.argv[1], sys.argv[2]
with open(os.path.join(sushi, "sushi3b.5000.10.score")) as f:
    scores = [[int(v) for v in line.split()] for line in f if line.strip()]
with open(os.path.join(sushi, "sushi3b.5000.10.order")) as f:
    orders = [[int(v) for v in line.split()[2:]] for line in f.readlines()[1:] if line.strip()]
if len(scores) != len(orders):
    sys.exit(f"score file has {len(scores)} people, order file {len(orders)}")
# Orientation: does a person's first-ranked item score higher or lower than their last-ranked one?
higher = lower = 0
for s, o in zip(scores, orders):
    first, last = s[o[0]], s[o[-1]]
    higher += first > last
    lower += first < last
flip = lower > higher
print(f"orientation: first-ranked item scores higher than last-ranked for {higher} people, lower for {lower};"
      f" rating = {'4 - score' if flip else 'score'} (higher preferred, as the order file says)")
with open(os.path.join(work, "ratings.csv"), "w") as f:
    f.write("user,item,rating\n")
    for user, s in enumerate(scores):
        for item, v in enumerate(s):
            if v >= 0:
                f.write(f"{user},{item},{4 - v if flip else v}\n")
with open(os.path.join(sushi, "sushi3.idata"), encoding="utf-8") as src, \
        open(os.path.join(work, "items.csv"), "w", encoding="utf-8") as f:
    f.write("id,title\n")
    for line in src:
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        f.write(f"{cols[0]},\"{cols[1]}\"\n")
