#!/usr/bin/env python3
"""One client, one session at a time: create a session, then ask /next-query and answer a random option, 10 times;
prints /next-query and /answer p50 / p99 / max in ms over all sessions (evoi/RESULTS.md, issue 17).
Usage: load-tests/one-client.py URL CATALOG SESSIONS [STRATEGY]   (choices seeded: the same run asks the same)
WHY=0 in the environment asks /next-query without its explanation ("why": false)."""
import os
import random
import sys
import time

from timed_http import pct, post


def main():
    base, catalog, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    strategy = sys.argv[4] if len(sys.argv) > 4 else None
    rng = random.Random(1)
    nq, an = [], []
    t0 = time.time()
    for s in range(n):
        body = {"catalog": catalog, "seed": s}
        if strategy:
            body["strategy"] = strategy
        sid = post(base, "/sessions", body)[0]["sessionId"]
        for _ in range(10):
            q, ms = post(base, "/next-query", {"sessionId": sid} if os.environ.get("WHY", "1") != "0"
                         else {"sessionId": sid, "why": False})
            nq.append(ms)
            item = rng.choice(q["items"])["id"]
            _, ms = post(base, "/answer", {"sessionId": sid, "queryId": q["queryId"], "chosenItemId": item})
            an.append(ms)
    print(f"{n} sessions {time.time() - t0:.1f}s next-query p50 {pct(nq, 50):.1f} p99 {pct(nq, 99):.1f} max {max(nq):.1f};"
          f" answer p50 {pct(an, 50):.1f} p99 {pct(an, 99):.1f} max {max(an):.1f} ms")


main()
