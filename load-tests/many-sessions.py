#!/usr/bin/env python3
"""Fills a service with sessions, then reads old ones back (evoi/RESULTS.md, issue 17, "100,000 sessions").
  create: N sessions (POST /sessions {"seed": i}) on 6 threads, every EVERY-th asked and answered once; prints the
          status counts and writes the ids to IDS
  touch:  300 random sessions of IDS asked and answered once each; prints /next-query and /answer p50 / p99
Usage: load-tests/many-sessions.py create URL N EVERY IDS | load-tests/many-sessions.py touch URL IDS"""
import collections
import concurrent.futures as cf
import json
import random
import sys
import time
import urllib.error

from timed_http import pct, post


def answer_once(base, sid):
    q, a = post(base, "/next-query", {"sessionId": sid})
    _, b = post(base, "/answer", {"sessionId": sid, "queryId": q["queryId"], "chosenItemId": q["items"][0]["id"]})
    return a, b


def create(base, n, every, ids_file):
    def one(i):
        try:
            sid = post(base, "/sessions", {"seed": i})[0]["sessionId"]
            if i % every == 0:
                answer_once(base, sid)
            return sid, 201
        except urllib.error.HTTPError as e:
            return None, e.code
    codes, ids = collections.Counter(), []
    t0 = time.time()
    with cf.ThreadPoolExecutor(6) as ex:
        for sid, code in ex.map(one, range(n), chunksize=64):
            codes[code] += 1
            if sid:
                ids.append(sid)
    print(f"{n} sessions in {time.time() - t0:.0f} s: {dict(codes)}")
    json.dump(ids, open(ids_file, "w"))


def touch(base, ids_file):
    ids = json.load(open(ids_file))
    nq, an = [], []
    for sid in random.Random(3).sample(ids, 300):
        a, b = answer_once(base, sid)
        nq.append(a)
        an.append(b)
    print(f"300 random old sessions: next-query p50 {pct(nq, 50):.1f} p99 {pct(nq, 99):.1f};"
          f" answer p50 {pct(an, 50):.1f} p99 {pct(an, 99):.1f} ms")


if sys.argv[1] == "create":
    create(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
else:
    touch(sys.argv[2], sys.argv[3])
