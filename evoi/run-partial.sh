#!/usr/bin/env bash
# Partial-item queries: exact EVOI and ms per query of each partial strategy on attribute catalogs, k = 2, 3 and
# s = 1, 2, 3 shown attributes (bench-query --query-kind partial). gradient-no-ascent is gradient's own seeds
# and grid refinement without the ascent: the difference is what the ascent adds. Results go to
# evoi/results/partial-<catalog>.jsonl. CATALOGS lists catalog folders (default: the bundled cars).
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
r="${REPEATS:-30}"
for catalog in ${CATALOGS:-item-catalog/cars}; do
  out="evoi/results/partial-$(basename "$catalog").jsonl"
  : > "$out"
  for k in 2 3; do
    for s in 1 2 3; do
      "${ELICITOR:-./elicitor}" bench-query --catalog "$catalog" --query-kind partial --partial-attributes "$s" --slate "$k" \
        --particles 512 --pool 256 --lambda 2 --repeats "$r" --seed 1 \
        --strategies gradient,gradient-no-ascent,exhaustive,greedy-eus,random | tee -a "$out"
    done
  done
done
