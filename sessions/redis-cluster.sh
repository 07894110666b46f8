#!/usr/bin/env bash
# A local three-master Redis Cluster on 127.0.0.1:7001-7003 (no replicas, nothing kept on disk but each node's
# cluster configuration), for the durable tests on a cluster and the fault drill (load-tests/faults.sh).
#
#   sessions/redis-cluster.sh start          # idempotent: leaves a healthy cluster as it is
#   sessions/redis-cluster.sh hosts          # the value for quarkus.redis.hosts
#   sessions/redis-cluster.sh restart PORT   # shut one node down (its data is lost) and start it again
#   sessions/redis-cluster.sh stop           # shut every node down and forget the cluster
#
# ELICITOR_REDIS_CLUSTER_DIR (default /tmp/elicitor-redis-cluster) holds each node's nodes.conf and log.
set -euo pipefail

ports=(7001 7002 7003)
dir="${ELICITOR_REDIS_CLUSTER_DIR:-/tmp/elicitor-redis-cluster}"

node() { # start one node; it rejoins the cluster from its nodes.conf when it has one
  local p="$1"
  mkdir -p "$dir/$p"
  redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "nodes-$p.conf" \
    --cluster-node-timeout 2000 --cluster-require-full-coverage no --save '' --appendonly no \
    --dir "$dir/$p" --logfile "$dir/$p/redis.log" --daemonize yes
  for _ in $(seq 1 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "redis-cluster: node $p did not start (see $dir/$p/redis.log)" >&2; return 1
}

healthy() {
  for p in "${ports[@]}"; do
    redis-cli -p "$p" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
  done
}

wait_healthy() {
  for _ in $(seq 1 100); do healthy && return 0; sleep 0.2; done
  echo "redis-cluster: the cluster did not become healthy" >&2; return 1
}

case "${1:-}" in
  start)
    healthy && exit 0
    for p in "${ports[@]}"; do redis-cli -p "$p" ping >/dev/null 2>&1 || node "$p"; done
    if [ "$(redis-cli -p "${ports[0]}" cluster info | grep '^cluster_slots_assigned:' | tr -dc 0-9)" = 0 ]; then
      redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
    fi
    wait_healthy ;;
  hosts)
    printf 'redis://127.0.0.1:%s,' "${ports[@]}" | sed 's/,$//'; echo ;;
  restart)
    redis-cli -p "$2" shutdown nosave >/dev/null 2>&1 || true
    sleep 0.5
    node "$2"
    wait_healthy ;;
  stop)
    for p in "${ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
    rm -rf "$dir" ;;
  *)
    sed -n '2,10p' "$0"; exit 2 ;;
esac
