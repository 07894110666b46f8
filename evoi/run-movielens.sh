#!/usr/bin/env bash
# Rebuilds the MovieLens catalogs (never committed: the licence forbids redistribution) and runs the
# simulation harness on them: every strategy side by side, held-out users plus users drawn from the
# fitted population prior, T = 10 answers, k = 2 and k = 4. Results go to evoi/results/, plots to evoi/.
# λ: the catalog's own (calibrated by embed: 80% of pairs of the population's top 200 items answered correctly),
# or LAMBDA=x for a fixed one; with LAMBDA set, the output names end in -lambda<x>.
# Usage: [LAMBDA=x] evoi/run-movielens.sh [ml-latest-small|ml-100k ...]   (default: both)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${ELICITOR_DATA:-$here/../shared/data/movielens}"
out="${ELICITOR_CATALOGS:-/tmp/catalogs}"
cd "$here"
strategies=gradient,greedy-eus,query-iteration,exhaustive,thompson,exploit,random
lambda_args=(); suffix=""
if [ -n "${LAMBDA:-}" ]; then lambda_args=(--lambda "$LAMBDA"); suffix="-lambda$LAMBDA"; fi
for name in "${@:-ml-latest-small ml-100k}"; do
  for n in $name; do
    if [ ! -f "$out/$n/manifest.json" ]; then
      case "$n" in
        ml-latest-small) ./elicitor embed --ratings "$data/ml-latest-small/ratings.csv" --format ml-latest --dim 32 --out "$out/$n" ;;
        ml-100k) ./elicitor embed --ratings "$data/ml-100k/u.data" --format ml-100k --dim 32 --out "$out/$n" ;;
      esac
    fi
    if [ -z "${LAMBDA:-}" ] && ! grep -q '"lambda"' "$out/$n/manifest.json"; then
      echo "$out/$n was built before embed calibrated lambda: remove it to rebuild, or set LAMBDA" >&2
      exit 2
    fi
    for k in 2 4; do
      # Exhaustive scores C(P, k) slates: all pairs of the pool at k = 2; at k = 4 a budget of 3,000 slates
      # (the pool's top 17 items) keeps it to about a second per query.
      budget=32640; [ "$k" = 4 ] && budget=3000
      ./elicitor simulate --catalog "$out/$n" --users "$out/$n/users-heldout.npy" --synthetic-users "${SYNTHETIC:-100}" \
        --strategies "$strategies" --queries 10 --slate "$k" "${lambda_args[@]}" --particles 512 --seed 1 \
        --exhaustive-max-slates "${EXHAUSTIVE_MAX_SLATES:-$budget}" \
        --out "evoi/results/$n-k$k$suffix.json" --plot "evoi/regret-$n-k$k$suffix.svg" | tee "evoi/results/$n-k$k$suffix.txt"
    done
  done
done
