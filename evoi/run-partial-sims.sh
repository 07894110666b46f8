#!/usr/bin/env bash
# Simulated sessions with partial, mixed and item questions on attribute catalogs, side by side: the same users
# (drawn from the catalog's prior, seed 1), the catalog's lambda, T = 10, slate k = 2, partial questions over
# s = 2 attributes, strategies gradient, greedy-eus, random. Per catalog, three runs, each paired with the one
# before by --compare-to (partial with items, mixed with partial); evoi/partial-sim-table.py then sets them side
# by side with every paired difference. Writes evoi/results/partial-sim-<catalog>-k2-{items,s2,mixed-s2}-<USERS>
# .json/.txt and partial-sim-<catalog>-k2-<USERS>.md.
# CATALOGS: catalog folders (default: the bundled cars and vega-movies, built by item-catalog/vega-movies/build.sh
# into /tmp/elicitor-catalogs/vega-movies); USERS (default 300); MIXED_USERS (default USERS; fewer: the mixed run
# asks only the first of those users); THREADS (default 2); ELICITOR (launcher). Recorded (evoi/RESULTS.md):
#   CATALOGS=item-catalog/cars USERS=300 evoi/run-partial-sims.sh
#   CATALOGS=/tmp/elicitor-catalogs/vega-movies USERS=100 evoi/run-partial-sims.sh
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users="${USERS:-300}"
el="${ELICITOR:-./elicitor}"
for catalog in ${CATALOGS:-item-catalog/cars /tmp/elicitor-catalogs/vega-movies}; do
  if [ ! -f "$catalog/manifest.json" ]; then
    echo "run-partial-sims.sh: no catalog at $catalog (vega-movies: run item-catalog/vega-movies/build.sh first)" >&2
    exit 1
  fi
  base="evoi/results/partial-sim-$(basename "$catalog")-k2"
  common=(--catalog "$catalog" --synthetic-users "$users" --queries 10 --slate 2 --partial-attributes 2
          --strategies gradient,greedy-eus,random --threads "${THREADS:-2}" --seed 1)
  "$el" simulate "${common[@]}" --query-kind items --out "$base-items-$users.json" | tee "$base-items-$users.txt"
  "$el" simulate "${common[@]}" --query-kind partial --compare-to "$base-items-$users.json" \
    --out "$base-s2-$users.json" | tee "$base-s2-$users.txt"
  # Mixed questions cost the most (every step plans an item and a partial query): MIXED_USERS runs them on the
  # first users only (synthetic users are drawn in order, so they are the same users); the table pairs them then.
  mixed_users="${MIXED_USERS:-$users}"
  if [ "$mixed_users" = "$users" ]; then pair=(--compare-to "$base-s2-$users.json"); else pair=(); fi
  mixed=(--catalog "$catalog" --synthetic-users "$mixed_users" "${common[@]:4}")
  "$el" simulate "${mixed[@]}" --query-kind mixed "${pair[@]}" \
    --out "$base-mixed-s2-$mixed_users.json" | tee "$base-mixed-s2-$mixed_users.txt"
  python3 evoi/partial-sim-table.py "$base-items-$users.json" "$base-s2-$users.json" \
    "$base-mixed-s2-$mixed_users.json" | tee "$base-$users.md"
done
