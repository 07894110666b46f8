#!/usr/bin/env bash
# The fault drill: two durable instances behind a round-robin HAProxy, sessions through the balancer, and during
# the run Redis flushed, Redis restarted, PostgreSQL stopped and started, one instance killed with SIGKILL; then
# every acknowledged answer checked against the PostgreSQL log and every posterior against its replay.
#
#   load-tests/faults.sh --duration 60 [--clients 8] [--redis-cluster] [--port 8180]
#
# Last line: faults: acknowledged=N found=N sessions=N mismatches=N non503errors=N (exit 0 when all is well).
# It uses this machine's PostgreSQL (database test) and Redis on 6379, or with --redis-cluster the three-master
# Redis Cluster on ports 7001-7003 of sessions/redis-cluster.sh (started if needed); it installs HAProxy with apt-get when missing. Do not run it
# beside the test suite: both stop and flush the same servers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

duration=60 clients=8 cluster= port=8180
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --redis-cluster) cluster=1; shift ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "faults: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

. .ci/services
ensure_services >/dev/null
command -v haproxy >/dev/null || { log "installing HAProxy"; apt_install haproxy; }

work="$(mktemp -d /tmp/elicitor-faults.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  pg_isready -h 127.0.0.1 -q || $pg_start >/dev/null 2>&1 || true
  redis-cli -p 6379 ping >/dev/null 2>&1 || $redis_start >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg_version="$(ls /etc/postgresql | sort -V | tail -1)"
pg_start="pg_ctlcluster --skip-systemctl-redirect $pg_version main start"
pg_stop="pg_ctlcluster --skip-systemctl-redirect $pg_version main stop -m fast"
redis_start="redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"

redis_env=()
if [ -n "$cluster" ]; then
  sessions/redis-cluster.sh start
  redis_env=(QUARKUS_REDIS_CLIENT_TYPE=cluster "QUARKUS_REDIS_HOSTS=$(sessions/redis-cluster.sh hosts)")
  flush="for p in 7001 7002 7003; do redis-cli -p \$p flushall; done"
  redis_restart="sessions/redis-cluster.sh restart 7002"
else
  flush="redis-cli -p 6379 flushall"
  redis_restart="redis-cli -p 6379 shutdown nosave; sleep 1; $redis_start"
fi

# Secrets as files, shared by both instances, as a Kubernetes Secret would mount them.
head -c 32 /dev/urandom | base64 > "$work/session-token-secret"
echo "faults-admin-key" > "$work/admin-key"

log "starting two durable instances on $((port + 1)) and $((port + 2))"
for i in 1 2; do
  env ELICITOR_STORE=durable ELICITOR_SESSION_RATE_PER_MINUTE=0 QUARKUS_HTTP_PORT=$((port + i)) JAVA_OPTS=-Xmx1g \
    ELICITOR_ADMIN_KEY_FILE="$work/admin-key" ELICITOR_SESSION_TOKEN_SECRET_FILE="$work/session-token-secret" \
    "${redis_env[@]}" ./elicitor serve > "$work/instance-$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2; do
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$((port + i))/q/health/ready" >/dev/null && break
    kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { cat "$work/instance-$i.log"; exit 1; }
    sleep 1
  done
done

# Round robin with health checks; a request that finds its server dead (connection refused or reset, no answer)
# is retried once on the other: what a production balancer in front of stateless replicas does.
cat > "$work/haproxy.cfg" <<EOF
global
  maxconn 1000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  retry-on conn-failure empty-response response-timeout
  option http-buffer-request
frontend elicitor
  bind 127.0.0.1:$port
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /q/health/ready
  server one 127.0.0.1:$((port + 1)) check inter 500ms fall 2 rise 2
  server two 127.0.0.1:$((port + 2)) check inter 500ms fall 2 rise 2
EOF
haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"

log "drill: $clients clients for $duration s through http://127.0.0.1:$port (logs in $work)"
python3 load-tests/faults.py --url "http://127.0.0.1:$port" --duration "$duration" --clients "$clients" \
  --flush "$flush" --redis-restart "$redis_restart" --pg-stop "$pg_stop" --pg-start "$pg_start" \
  --kill "kill -9 ${pids[1]}"
