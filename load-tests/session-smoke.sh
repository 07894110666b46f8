#!/usr/bin/env bash
# Drives one scripted session against a running Elicitor and checks the contract:
#   every call of a ROUNDS-round session is 200 with valid JSON, and bad inputs get 4xx problem+json.
# Usage: load-tests/session-smoke.sh [BASE_URL (default http://127.0.0.1:8080)] [ROUNDS (default 10)] [SLATE (default 2)]
# Needs curl and python3. Exits non-zero on the first violation. Talks only to BASE_URL.
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
rounds="${2:-10}"
slate="${3:-2}"
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT

call() { # method path body expected-status -> body in $tmp, prints latency
  local method="$1" path="$2" body="$3" want="$4" out
  out=$(curl -sS -o "$tmp" -w '%{http_code} %{content_type} %{time_total}' -X "$method" "$base$path" \
        -H 'content-type: application/json' ${body:+-d "$body"})
  read -r code ctype secs <<<"$out"
  if [ "$code" != "$want" ]; then echo "FAIL $method $path: status $code, wanted $want: $(cat "$tmp")"; exit 1; fi
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp" || { echo "FAIL $method $path: invalid JSON"; exit 1; }
  if [ "${want:0:1}" = 4 ] && [ "${ctype%%;*}" != application/problem+json ]; then
    echo "FAIL $method $path: $code with content type '$ctype', wanted application/problem+json"; exit 1
  fi
  echo "$secs"
}
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d"+sys.argv[2]))' "$tmp" "$1"; }

call POST /sessions "{\"slateSize\":$slate}" 201 >/dev/null
sid=$(field '["sessionId"]')
echo "session $sid"
for ((t = 1; t <= rounds; t++)); do
  s1=$(call POST /next-query "{\"sessionId\":\"$sid\"}" 200)
  qid=$(field '["queryId"]'); item=$(field '["items"][0]["id"]'); evoi=$(field '["evoi"]'); stop=$(field '["stop"]')
  s2=$(call POST /answer "{\"sessionId\":\"$sid\",\"queryId\":\"$qid\",\"chosenItemId\":\"$item\"}" 200)
  top=$(field '["recommendations"][0]["title"]')
  printf 'round %2d: next-query %.3fs (evoi %.4f, stop %s), answer %.3fs, top: %s\n' "$t" "$s1" "$evoi" "$stop" "$s2" "$top"
done
call GET "/sessions/$sid" "" 200 >/dev/null
[ "$(field '["answers"]')" = "$rounds" ] || { echo "FAIL: session reports $(field '["answers"]') answers, wanted $rounds"; exit 1; }
call GET "/sessions/$sid/recommendations?limit=5" "" 200 >/dev/null

# Bad inputs: 4xx problem+json, never 5xx.
call POST /sessions '{"slateSize":9}' 400 >/dev/null
call POST /sessions '{bad json' 400 >/dev/null
call POST /next-query '{"sessionId":"no-such-session"}' 404 >/dev/null
call POST /answer "{\"sessionId\":\"$sid\",\"queryId\":\"$qid\",\"chosenItemId\":\"not-an-item\"}" 409 >/dev/null
call GET "/sessions/$sid/recommendations?limit=abc" "" 400 >/dev/null
echo "OK: $rounds rounds, all 200 with valid JSON; bad inputs answered 4xx problem+json"
