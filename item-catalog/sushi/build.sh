#!/usr/bin/env bash
# Builds a SUSHI ratings catalog outside the project (the data's licence forbids redistribution): the 5,000
# people's 0..4 scores of sushi set B become ratings, embedded by biased ALS with the seeded three-way split.
# Usage: item-catalog/sushi/build.sh [SUSHI_DIR] [OUT] [DIM]
#   SUSHI_DIR default ../shared/data/sushi; OUT default /tmp/elicitor-catalogs/sushi; DIM default 8.
# Then λ: `fit-lambda --write` sets the catalog's λ to the one whose sessions recommend best to the prior's
# population, answered from their rankings (a few minutes; evoi/README.md "Real answers"). FIT_LAMBDA=0 skips it
# and leaves embed's calibrated λ (2.735, what the first real-answer runs of evoi/RESULTS.md used).
# Orientation: the score file's README says 4 is most preferred, but in this copy the items a person ranks
# first in sushi3b.5000.10.order mostly score 0. The script measures that against the order file and writes
# ratings so that higher is preferred, as the order file (most preferred first) says; it prints what it used.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sushi="${1:-$root/../shared/data/sushi}"
out="${2:-/tmp/elicitor-catalogs/sushi}"
dim="${3:-8}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/sushi_ratings.py" "$sushi" "$work"
"$root/elicitor" embed --ratings "$work/ratings.csv" --format csv --items "$work/items.csv" --dim "$dim" --seed 1 \
  --out "$out" --catalog-id sushi --catalog-title "SUSHI preference data, item set B (Kamishima)" \
  --source "SUSHI Preference Data Set (sushi3b.5000.10.score), T. Kamishima, via Censu/pl-toolbox@3394a92" \
  --license "research use only; no redistribution (README-en.txt)" \
  --attribution "T. Kamishima, Nantonac Collaborative Filtering, KDD 2003"
if [ "${FIT_LAMBDA:-1}" != 0 ]; then
  "$root/elicitor" fit-lambda --catalog "$out" --answers-from "$sushi/sushi3b.5000.10.order" \
    --answers-format sushi-order --write
fi
