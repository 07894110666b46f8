#!/usr/bin/env bash
# Planning with a sharper λ (strategy@2: choose as if answers were twice as sharp; the belief still uses the
# real λ): gradient and greedy-eus with and without it, on the same users as evoi/run-movielens.sh (held-out
# users plus 100 drawn from the population prior, seed 1, the catalog's λ, T = 10, M = 512), k = 2 and 4.
# Needs the catalogs evoi/run-movielens.sh builds. Results: evoi/results/planning-<name>-k<k>.{json,txt}.
# Usage: evoi/run-planning.sh [ml-latest-small|ml-100k ...]   (default: both)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${ELICITOR_CATALOGS:-/tmp/catalogs}"
cd "$here"
for n in ${@:-ml-latest-small ml-100k}; do
  [ -f "$out/$n/manifest.json" ] || { echo "no catalog at $out/$n: run evoi/run-movielens.sh $n first" >&2; exit 2; }
  for k in 2 4; do
    ./elicitor simulate --catalog "$out/$n" --users "$out/$n/users-heldout.npy" --synthetic-users "${SYNTHETIC:-100}" \
      --strategies gradient,greedy-eus,gradient@2,greedy-eus@2 --queries 10 --slate "$k" --particles 512 --seed 1 \
      --out "evoi/results/planning-$n-k$k.json" | tee "evoi/results/planning-$n-k$k.txt"
  done
done
