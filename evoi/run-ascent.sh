#!/usr/bin/env bash
# Item-query ascent (issue 15 item 4): does the gradient ascent raise exact EVOI beyond its own seeds?
# Part 1, the mixture ascent over the candidate pool: k = 2, 3, 4, 6 and pools of 96, 512 and 2,048 items of a
# synthetic catalog (N = 10,000, d = 32, M = 1,024, 3 greedy answers, lambda = 2), strategies
#   gradient-ascent      seeds + mixture ascent (40 Adam steps) + swap search
#   gradient-no-ascent   seeds + swap search (what the ascent is measured against)
#   gradient-ascent-only seeds + mixture ascent, no swap search
#   gradient-seeds       the best seed alone
#   greedy-eus
# every line paired with gradient-no-ascent on the same posteriors (pairedDiff, pairedHalfWidth95).
# Part 2, the embedding ascent (query vectors in R^d mapped to items by inner-product search) on synthetic catalogs
# of 100,000 items (the ANN index) and 1,000,000 items (exact search), pool 256.
# Part 3, the ceiling: exhaustive over every pair of the pool of 96 (k = 2; for k = 3 its budget of 32,640 slates
# covers only the pool's first 59 items).
# REPEATS (default 20) posteriors per line; REPEATS_LARGE (default 6) for the pool of 2,048 and for N = 1M.
# Results go to evoi/results/ascent-pool.jsonl, ascent-embedding.jsonl and ascent-exhaustive.jsonl. ELICITOR overrides the
# launcher (e.g. a copy of the built application, so that editing sources cannot trigger a rebuild mid-run).
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
r="${REPEATS:-20}"
rl="${REPEATS_LARGE:-6}"
run="${ELICITOR:-./elicitor}"
out=evoi/results/ascent-pool.jsonl
: > "$out"
for pool in 96 512 2048; do
  reps=$r; [ "$pool" -ge 2048 ] && reps=$rl
  for k in 2 3 4 6; do
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (pool $pool, k $k)" >&2
    $run bench-query --items 10000 --pool "$pool" --slate "$k" --repeats "$reps" --warmup 1 --seed 1 \
      --strategies gradient-ascent,gradient-no-ascent,gradient-ascent-only,gradient-seeds,greedy-eus \
      --paired-with gradient-no-ascent | tee -a "$out"
  done
done
out=evoi/results/ascent-embedding.jsonl
: > "$out"
for spec in "100000 ann $r" "1000000 exact $rl"; do
  set -- $spec
  for k in 2 4; do
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (N $1, $2 search, k $k)" >&2
    $run bench-query --items "$1" --search "$2" --pool 256 --slate "$k" --repeats "$3" --warmup 1 --seed 1 \
      --strategies gradient-embedding,gradient-embedding-only,gradient-no-ascent,gradient-seeds,greedy-eus \
      --paired-with gradient-no-ascent | tee -a "$out"
  done
done
out=evoi/results/ascent-exhaustive.jsonl
: > "$out"
for k in 2 3; do
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (pool 96, k $k, exhaustive)" >&2
  $run bench-query --items 10000 --pool 96 --slate "$k" --repeats "$r" --warmup 1 --seed 1 \
    --strategies exhaustive,gradient-no-ascent,gradient-ascent,greedy-eus --paired-with exhaustive | tee -a "$out"
done
