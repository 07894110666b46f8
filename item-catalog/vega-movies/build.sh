#!/usr/bin/env bash
# Builds the vega-movies attribute catalog from the movies table of npm vega-datasets (3,201 US films,
# compiled ~2010), outside the repository: nothing of the table, nor anything derived from it with its
# titles, may be committed (see README.md here). Steps:
#   1. npm-install the pinned vega-datasets into $VEGA_CACHE (once) and check movies.json's sha256;
#   2. movies_to_csv.py: movies.json -> $VEGA_CACHE/movies-<version>.csv (the columns below, gaps empty);
#   3. ./elicitor embed --attributes: 4 numeric attributes (standardised, gaps mean-imputed) and 2 categorical
#      (one-hot, a gap its own level) -> $OUT (d = 25).
# Environment: VEGA_CACHE (default ~/.cache/elicitor/vega-datasets), OUT (default /tmp/elicitor-catalogs/vega-movies),
# ELICITOR (the launcher, default ./elicitor of this checkout).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version=3.2.1
sha256=e63c499759e3b07b49563e036f55290f87feb56def8703ec049ca305ab1523d3
cache="${VEGA_CACHE:-$HOME/.cache/elicitor/vega-datasets}"
out="${OUT:-/tmp/elicitor-catalogs/vega-movies}"
elicitor="${ELICITOR:-$repo/elicitor}"

cache="$(realpath -m "$cache")"
out="$(realpath -m "$out")"
repo_real="$(realpath "$repo")"
for dir in "$cache" "$out"; do
  case "$dir/" in
    "$repo_real"/*) echo "build.sh: $dir is inside the repository; the movies table's licence forbids that" >&2; exit 2 ;;
  esac
done
mkdir -p "$cache" "$out"

pkg="$cache/$version/node_modules/vega-datasets"
if [ ! -f "$pkg/data/movies.json" ]; then
  command -v npm >/dev/null || { echo "build.sh: npm is needed to fetch vega-datasets@$version" >&2; exit 1; }
  mkdir -p "$cache/$version"
  npm install --prefix "$cache/$version" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
    "vega-datasets@$version" >&2
fi
got="$(sha256sum "$pkg/data/movies.json" | cut -d' ' -f1)"
if [ "$got" != "$sha256" ]; then
  echo "build.sh: $pkg/data/movies.json has sha256 $got, expected $sha256" >&2
  exit 1
fi

csv="$cache/movies-$version.csv"
python3 "$repo/item-catalog/vega-movies/movies_to_csv.py" "$pkg/data/movies.json" "$csv"

"$elicitor" embed --attributes "$csv" \
  --numeric Budget_million_USD,IMDB_Rating,Running_Time_min,Release_Year \
  --categorical MPAA_Rating,Major_Genre --title Title \
  --out "$out" --catalog-id vega-movies --catalog-version 1 \
  --catalog-title "Vega movies (3,201 US films, ~1928-2010): budget, IMDB rating, running time, year, MPAA rating, genre" \
  --source "npm vega-datasets@$version data/movies.json (sha256 $sha256), converted by item-catalog/vega-movies/movies_to_csv.py (budget in million USD, release year; years after 2012 read as 19xx)" \
  --license "No licence stated for this table (vega-datasets' BSD-3-Clause covers its code only; the figures come from The Numbers, IMDb and Rotten Tomatoes). Local use only: not to be committed or redistributed" \
  --attribution "Vega project, vega-datasets (https://github.com/vega/vega-datasets), movies table"
echo "catalog: $out" >&2
