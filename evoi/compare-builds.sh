#!/usr/bin/env bash
# Do two builds give the same results, bit for bit, on this machine? Builds BASE (a commit) in a temporary
# worktree and this checkout as it is, then runs the recorded MovieLens configurations of evoi/run-movielens.sh
# (both data sets, k = 2 and 4, the catalog's λ and λ = 10) and the bench-query lines of evoi/run-scaling.sh with
# each, and compares: every strategy's regret curve user by user (simulate --compare-to: changedUsers must be 0)
# and every bench line's exact EVOI. Timings are not compared. Run both builds on one machine: another CPU's BLAS
# kernels round differently (evoi/RESULTS.md). Needs the catalogs of evoi/run-movielens.sh (built by BASE if absent).
# Usage: evoi/compare-builds.sh BASE [OUT]   (OUT default /tmp/compare-builds)
#   CONFIGS="ml-100k-k2 ml-latest-small-k4-lambda10 ..."  a subset of the eight configurations (default: all)
#   SCALING=0  skip the bench lines;  MAX_USERS=N SYNTHETIC=N  fewer users (both builds alike)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:?usage: evoi/compare-builds.sh BASE [OUT]}"
out="${2:-/tmp/compare-builds}"
data="${ELICITOR_DATA:-$here/../shared/data/movielens}"
catalogs="${ELICITOR_CATALOGS:-/tmp/catalogs}"
mkdir -p "$out"
cd "$here"

# The two builds, each a quarkus-app folder of its own.
if [ ! -f "$out/base-app/quarkus-run.jar" ]; then
  tree="$(mktemp -d)"
  git worktree add -q --detach "$tree" "$base"
  (cd "$tree" && mvn -B -q -Dstyle.color=never -DskipTests package)
  rm -rf "$out/base-app" && cp -r "$tree/target/quarkus-app" "$out/base-app"
  git worktree remove --force "$tree"
fi
mvn -B -q -Dstyle.color=never -DskipTests package
rm -rf "$out/head-app" && cp -r target/quarkus-app "$out/head-app"
git rev-parse "$base" > "$out/base-commit"
{ git rev-parse HEAD; git status --porcelain | grep -q . && echo "(with uncommitted changes)"; } > "$out/head-commit" || true

run() { local app="$1"; shift
  OMP_NUM_THREADS=1 java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=8g \
    -jar "$out/$app/quarkus-run.jar" "$@"; }

for n in ml-latest-small ml-100k; do
  if [ ! -f "$catalogs/$n/manifest.json" ]; then
    case "$n" in
      ml-latest-small) run base-app embed --ratings "$data/ml-latest-small/ratings.csv" --format ml-latest --dim 32 --out "$catalogs/$n" ;;
      ml-100k) run base-app embed --ratings "$data/ml-100k/u.data" --format ml-100k --dim 32 --out "$catalogs/$n" ;;
    esac
  fi
done

all="ml-latest-small-k2 ml-latest-small-k4 ml-100k-k2 ml-100k-k4"
all="$all $(for c in $all; do printf '%s-lambda10 ' "$c"; done)"
users=(--synthetic-users "${SYNTHETIC:-100}"); [ -n "${MAX_USERS:-}" ] && users+=(--max-users "$MAX_USERS")
for config in ${CONFIGS:-$all}; do
  n="${config%%-k*}"; rest="${config#"$n"-k}"; k="${rest%%-*}"
  lambda=(); case "$config" in *-lambda10) lambda=(--lambda 10) ;; esac
  budget=32640; [ "$k" = 4 ] && budget=3000
  args=(simulate --catalog "$catalogs/$n" --users "$catalogs/$n/users-heldout.npy" "${users[@]}"
        --strategies gradient,greedy-eus,query-iteration,exhaustive,thompson,exploit,random --queries 10 --slate "$k"
        "${lambda[@]}" --particles 512 --seed 1 --exhaustive-max-slates "$budget")
  # With the recorded users, the base is also paired with the recorded file (made on another machine, perhaps).
  recorded=(); [ -z "${MAX_USERS:-}${SYNTHETIC:-}" ] && [ -f "evoi/results/$config.json" ] \
    && recorded=(--compare-to "evoi/results/$config.json")
  run base-app "${args[@]}" "${recorded[@]}" --out "$out/base-$config.json" > "$out/base-$config.txt" 2> /dev/null
  run head-app "${args[@]}" --out "$out/head-$config.json" --compare-to "$out/base-$config.json" \
    > "$out/head-$config.txt" 2> /dev/null
  changed() { grep 'users whose curve differs' "$1" | awk '{printf "%s %s, ", $1, $(NF-2)}'; }
  echo "$config: head vs base, users whose curve differs: $(changed "$out/head-$config.txt")"
  python3 - "$out/base-$config.json" "$out/head-$config.json" <<'EOF2'
import json, sys
a, b = (json.load(open(f))["perUserRegret"] for f in sys.argv[1:])
curves = sum(len(a[s]) for s in a)
same = sum(x == y for s in a for x, y in zip(a[s], b.get(s, [])))
print(f"  curves equal bit for bit (==): {same} of {curves}")
EOF2
  if [ ${#recorded[@]} -gt 0 ]; then echo "  base vs the recorded file: $(changed "$out/base-$config.txt")"; fi
done

if [ "${SCALING:-1}" != 0 ]; then
  for app in base-app head-app; do
    : > "$out/$app-scaling.jsonl"
    s=gradient,greedy-eus,exhaustive
    for n in 10000 100000 1000000; do run "$app" bench-query --items "$n" --particles 1024 --slate 2 --strategies "$s" --repeats 10 --seed 1; done >> "$out/$app-scaling.jsonl" 2> /dev/null
    for m in 256 512 1024 2048 4096; do run "$app" bench-query --items 10000 --particles "$m" --slate 2 --strategies "$s" --repeats 10 --seed 1; done >> "$out/$app-scaling.jsonl" 2> /dev/null
    for k in 2 3 4 5; do run "$app" bench-query --items 10000 --particles 1024 --slate "$k" --strategies "$s" --repeats 10 --seed 1; done >> "$out/$app-scaling.jsonl" 2> /dev/null
  done
  python3 - "$out/base-app-scaling.jsonl" "$out/head-app-scaling.jsonl" <<'EOF'
import json, sys
keys = ("strategy", "items", "particles", "slate", "evoi", "evoiRatioToBest", "pool")
a = [tuple(json.loads(l)[k] for k in keys) for l in open(sys.argv[1])]
b = [tuple(json.loads(l)[k] for k in keys) for l in open(sys.argv[2])]
same = sum(x == y for x, y in zip(a, b))
print(f"bench-query: {same} of {len(a)} lines with the same exact EVOI" + ("" if len(a) == len(b) else f" ({len(b)} lines in head)"))
r = [tuple(json.loads(l)[k] for k in keys) for n in ("items", "particles", "slate")
     for l in open(f"evoi/results/scaling-{n}.jsonl")]
print(f"bench-query: the base build gives the recorded exact EVOI in {sum(x == y for x, y in zip(a, r))} of {len(r)} lines")
EOF
fi
