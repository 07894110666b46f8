#!/usr/bin/env python3
"""The fault drill's clients, faults and checks (load-tests/faults.sh starts the topology and calls this).

Clients run whole sessions through the balancer, retrying 503s and dropped connections the way a real client
would, and remember every answer the service acknowledged (200). Meanwhile the faults run on a schedule: Redis
flushed, Redis restarted, PostgreSQL stopped for a few seconds and started, one instance killed with SIGKILL.
Then the checks: every acknowledged answer must be in the PostgreSQL log with the choice the client made, and
every session's posterior must be the same to the last digit before and after Redis is flushed again (the
second read replays the log). The last line is the summary scripts read:

    faults: acknowledged=N found=N sessions=N mismatches=N non503errors=N

Standard library only. Seeded: the same --seed makes the same choices (timing still varies).
"""
import argparse
import json
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

LOCK = threading.Lock()
STATUS = {}          # status (or 'unanswered') -> count, every attempt
ACKED = []           # (session id, query id, chosen item id)
SESSIONS = []        # session ids created (201)
NON503 = []          # first few unexpected answers, for the report


def note(status, what):
    with LOCK:
        STATUS[status] = STATUS.get(status, 0) + 1
        if status not in (200, 201, 204, 503):
            if len(NON503) < 10:
                NON503.append(f"{status} {what}")


def call(base, method, path, body=None, give_up_after=120.0):
    """One request, retried on 503 and on a dropped connection until it gets another answer."""
    deadline = time.time() + give_up_after
    data = None if body is None else json.dumps(body).encode()
    while True:
        req = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                note(r.status, path)
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            e.read()
            if e.code != 503:
                note(e.code, f"{method} {path}")
                return e.code, None
            note(503, path)
            wait = float(e.headers.get("Retry-After") or 1)
        except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
            note("unanswered", f"{method} {path}: {e}")
            wait = 0.5
        if time.time() > deadline:
            return None, None
        time.sleep(min(wait, 2.0))


def client(base, index, seed, until, rounds):
    rng = random.Random(seed * 1000 + index)
    while time.time() < until:
        status, created = call(base, "POST", "/sessions", {"catalog": "cars", "seed": rng.randrange(1 << 40)})
        if status != 201:
            continue
        sid = created["sessionId"]
        with LOCK:
            SESSIONS.append(sid)
        for _ in range(rng.randint(rounds // 2, rounds)):
            status, q = call(base, "POST", "/next-query", {"sessionId": sid})
            if status != 200:
                break
            item = rng.choice(q["items"])["id"]
            status, _ = call(base, "POST", "/answer", {"sessionId": sid, "queryId": q["queryId"],
                                                        "chosenItemId": item})
            if status != 200:
                break
            with LOCK:
                ACKED.append((sid, q["queryId"], item))


def shell(command):
    print(f"faults: {time.strftime('%H:%M:%S')} {command}", flush=True)
    subprocess.run(command, shell=True, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def faults(duration, commands, started):
    """The schedule, as fractions of the run: flush, restart Redis, PostgreSQL down, SIGKILL an instance."""
    plan = [(0.15, commands.flush), (0.3, commands.redis_restart), (0.45, commands.pg_stop),
            (None, commands.pg_start), (0.75, commands.kill)]
    for at, command in plan:
        if at is None:
            time.sleep(commands.pg_down_seconds)
        else:
            time.sleep(max(0.0, started + at * duration - time.time()))
        shell(command)


def logged_answers(psql, sessions):
    """(session id, query id, chosen item id) of every answer in the PostgreSQL log of these sessions."""
    out = set()
    for i in range(0, len(sessions), 500):
        ids = ",".join(f"'{s}'" for s in sessions[i:i + 500])
        rows = subprocess.run(psql + ["-tAF", "\t", "-c", "select session_id, query_id, chosen_item_id from "
                                      f"elicitor_answer where session_id in ({ids})"],
                              check=True, capture_output=True, text=True).stdout
        out.update(tuple(line.split("\t")) for line in rows.splitlines() if line)
    return out


def posteriors(base, sessions):
    means = {}
    for sid in sessions:
        status, view = call(base, "GET", f"/sessions/{sid}")
        means[sid] = (status, view and (view["answers"], view["posteriorMean"]))
    return means


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True, help="the balancer")
    p.add_argument("--duration", type=float, required=True, help="seconds of load (faults included)")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--rounds", type=int, default=8, help="most answers per session")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--flush", required=True, help="command that empties Redis")
    p.add_argument("--redis-restart", required=True)
    p.add_argument("--pg-stop", required=True)
    p.add_argument("--pg-start", required=True)
    p.add_argument("--pg-down-seconds", type=float, default=6.0)
    p.add_argument("--kill", required=True, help="command that SIGKILLs one instance")
    p.add_argument("--psql", default="psql -h 127.0.0.1 -U postgres -d test")
    a = p.parse_args()

    started = time.time()
    until = started + a.duration
    threads = [threading.Thread(target=client, args=(a.url, i, a.seed, until, a.rounds)) for i in range(a.clients)]
    for t in threads:
        t.start()
    schedule = threading.Thread(target=faults, args=(a.duration, a, started), daemon=True)
    schedule.start()
    for t in threads:
        t.join()
    schedule.join(timeout=60)
    print(f"faults: load done in {time.time() - started:.0f} s; statuses {dict(sorted(STATUS.items(), key=str))}",
          flush=True)

    before = posteriors(a.url, SESSIONS)
    shell(a.flush)
    after = posteriors(a.url, SESSIONS)
    mismatches = [s for s in SESSIONS if before[s] != after[s] or before[s][0] != 200]
    logged = logged_answers(a.psql.split(), SESSIONS)
    found = sum(1 for x in ACKED if x in logged)
    non503 = sum(n for s, n in STATUS.items() if s not in (200, 201, 204, 503))
    for line in NON503:
        print(f"faults: unexpected: {line}")
    for sid in mismatches[:5]:
        print(f"faults: mismatch {sid}: before {str(before[sid])[:120]} after {str(after[sid])[:120]}")
    print(f"faults: acknowledged={len(ACKED)} found={found} sessions={len(SESSIONS)} "
          f"mismatches={len(mismatches)} non503errors={non503}")
    return 0 if found == len(ACKED) > 0 and not mismatches and non503 == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
