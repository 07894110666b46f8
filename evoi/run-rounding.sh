#!/usr/bin/env bash
# How much of a regret curve is floating-point rounding: the same users, seeds and code, run once with the
# OpenBLAS kernel this CPU picks and once with another one forced (OPENBLAS_CORETYPE=Haswell, which any AVX2
# CPU runs), paired user by user with --compare-to. Needs the catalogs of evoi/run-movielens.sh.
# Results: evoi/results/rounding-ml-latest-small-k<k>-{native,haswell}.{json,txt}.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${ELICITOR_CATALOGS:-/tmp/catalogs}"
cd "$here"
n=ml-latest-small
for k in 2 4; do
  args=(--catalog "$out/$n" --users "$out/$n/users-heldout.npy" --synthetic-users 100 --strategies gradient,greedy-eus
        --queries 10 --slate "$k" --particles 512 --seed 1)
  ./elicitor simulate "${args[@]}" --out "evoi/results/rounding-$n-k$k-native.json" | tee "evoi/results/rounding-$n-k$k-native.txt"
  OPENBLAS_CORETYPE=Haswell ./elicitor simulate "${args[@]}" --compare-to "evoi/results/rounding-$n-k$k-native.json" \
    --out "evoi/results/rounding-$n-k$k-haswell.json" | tee "evoi/results/rounding-$n-k$k-haswell.txt"
done
