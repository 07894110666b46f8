#!/usr/bin/env bash
# The load test: Gatling (load-tests/pom.xml) drives whole conversational-app sessions against a running Elicitor
# at stepped Poisson arrival rates, one Gatling run per rate, and reports per step the answer cycles per second and
# the latency of /next-query and /answer, and the service's GC pauses and CPU time per answer cycle during the
# step (from its /q/metrics: the warm-up and each step's tail of finishing sessions count too); the
# highest rate whose /next-query p99 meets the bound is the capacity (as MLPerf Inference's server scenario finds
# it). Talks only to --url.
#
#   load-tests/run.sh --url http://127.0.0.1:8080 --catalog cars --rates 5,10,20,30 [--seconds 60] [--think 1]
#                     [--max-answers 10] [--strategy NAME] [--bound-ms 100] [--warmup-seconds 20]
#
# Each step's HTML report: load-tests/target/gatling/<run>/index.html; the table: load-tests/target/summary-*.md.
# Needs Maven, a JDK 17+ and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url=http://127.0.0.1:8080 catalog=cars rates=1,2,4 seconds=60 think=1 max_answers=10 strategy= bound=100 warmup=20
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --catalog) catalog="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --think) think="$2"; shift 2 ;;
    --max-answers) max_answers="$2"; shift 2 ;;
    --strategy) strategy="$2"; shift 2 ;;
    --bound-ms) bound="$2"; shift 2 ;;
    --warmup-seconds) warmup="$2"; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
curl -sf "$url/q/health/ready" >/dev/null || { echo "run.sh: $url/q/health/ready does not answer 200" >&2; exit 1; }

mkdir -p "$here/target"
summary="$here/target/summary-$(date -u +%Y%m%dT%H%M%SZ).md"
results="$here/target/gatling"

gc() { # from the service's /q/metrics so far: "GC-pause-count GC-pause-seconds CPU-ns answers-200"
  curl -sf "$url/q/metrics" | awk '/^jvm_gc_pause_seconds_count[{]/ { c += $NF } /^jvm_gc_pause_seconds_sum[{]/ { s += $NF }
    /^process_cpu_time_ns_total/ { cpu = $NF } /^http_server_requests_seconds_count[{]/ && /uri="\/answer"/ && /status="200"/ { a += $NF }
    END { printf "%d %.3f %.0f %d\n", c, s, cpu, a }'
}

step() { # rate seconds label -> the newest report folder
  local before after
  before="$(ls -1d "$results"/elicitationsessions-* 2>/dev/null | sort | tail -1 || true)"
  mvn -q -B -f "$here/pom.xml" gatling:test -DbaseUrl="$url" -Dcatalog="$catalog" -Dstrategy="$strategy" \
    -DsessionsPerSecond="$1" -Dseconds="$2" -DthinkSeconds="$think" -DmaxAnswers="$max_answers" \
    -Dgatling.runDescription="$3" >"$here/target/last-run.log" 2>&1 || true
  after="$(ls -1d "$results"/elicitationsessions-* 2>/dev/null | sort | tail -1 || true)"
  [ -n "$after" ] && [ "$after" != "$before" ] || { echo "run.sh: Gatling wrote no report; see $here/target/last-run.log" >&2; exit 1; }
  echo "$after"
}

if [ "$warmup" -gt 0 ]; then
  first="${rates%%,*}"
  echo "warm-up: ${warmup} s at ${first} sessions/s (not reported)" >&2
  step "$first" "$warmup" warmup >/dev/null
fi

{
  echo "# Elicitor load test, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "URL $url, catalog $catalog, strategy ${strategy:-service default}, ${seconds} s per step, think time ${think} s"
  echo "(exponential), at most ${max_answers} answers per session, bound: /next-query p99 <= ${bound} ms."
  echo
  echo "| sessions/s | answer cycles/s | /next-query p50 / p95 / p99 ms | /answer p50 / p95 / p99 ms | failed requests | GC pauses: count, total ms | service CPU ms per cycle | report |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$summary"
best=
IFS=, read -ra list <<<"$rates"
for r in "${list[@]}"; do
  echo "step: $r sessions/s for $seconds s" >&2
  read -r c0 s0 cpu0 a0 <<<"$(gc)"
  dir="$(step "$r" "$seconds" "rate $r")"
  read -r c1 s1 cpu1 a1 <<<"$(gc)"
  line="$(python3 "$here/stats.py" "$dir" "$seconds" "$bound")"
  pauses="$((c1 - c0)), $(python3 -c "print(round(($s1 - $s0) * 1000))")"
  percycle="$(python3 -c "print(round(($cpu1 - $cpu0) / 1e6 / max(1, $a1 - $a0), 1))")"
  echo "| $r | ${line%|*} | $pauses | $percycle | $(basename "$dir") |" >>"$summary"
  case "$line" in *"|pass") best="$r" ;; esac
  tail -1 "$summary" >&2
done
{
  echo
  if [ -n "$best" ]; then echo "Highest rate meeting the bound: **$best sessions/s**."; else echo "No rate met the bound."; fi
} >>"$summary"
cat "$summary"
