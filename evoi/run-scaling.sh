#!/usr/bin/env bash
# Time per query against catalog size N, particles M and slate size k (bench-query on synthetic catalogs,
# d = 32), then plots with plot-scaling. Results go to evoi/results/scaling-*.jsonl, plots to evoi/.
set -euo pipefail
cd "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
s=gradient,greedy-eus,exhaustive
r="${REPEATS:-10}"
: > evoi/results/scaling-items.jsonl
for n in 10000 100000 1000000; do
  ./elicitor bench-query --items "$n" --particles 1024 --slate 2 --strategies "$s" --repeats "$r" --seed 1 | tee -a evoi/results/scaling-items.jsonl
done
: > evoi/results/scaling-particles.jsonl
for m in 256 512 1024 2048 4096; do
  ./elicitor bench-query --items 10000 --particles "$m" --slate 2 --strategies "$s" --repeats "$r" --seed 1 | tee -a evoi/results/scaling-particles.jsonl
done
: > evoi/results/scaling-slate.jsonl
for k in 2 3 4 5; do
  ./elicitor bench-query --items 10000 --particles 1024 --slate "$k" --strategies "$s" --repeats "$r" --seed 1 | tee -a evoi/results/scaling-slate.jsonl
done
for x in items particles slate; do
  ./elicitor plot-scaling --in "evoi/results/scaling-$x.jsonl" --x "$x" --out "evoi/scaling-$x.svg"
done
