#!/usr/bin/env python3
"""One load-test step's figures from a Gatling report folder (its js/stats.js), as a row of load-tests/run.sh's
table: answer cycles per second over the injection time, /next-query and /answer p50/p95/p99 in ms, failed requests,
then '|pass' or '|fail' for /next-query p99 against the bound.
Usage: stats.py REPORT_DIR SECONDS BOUND_MS"""
import re
import sys


def request_stats(text, name):
    """The fields of one request's stats block: {'numberOfRequests.ok': '…', 'percentiles4.total': '…', …}."""
    at = text.find('"name": "%s",' % name)
    if at < 0:
        return None
    block = text[at:]
    end = block.find('"group1"')
    block = block[:end if end > 0 else len(block)]
    fields = {}
    for key, body in re.findall(r'"(\w+)": \{([^{}]*)\}', block):
        for sub, value in re.findall(r'"(\w+)": "([^"]*)"', body):
            fields[key + "." + sub] = value
    return fields


def main():
    folder, seconds, bound = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    text = open(folder + "/js/stats.js", encoding="utf-8").read()
    total = request_stats(text, "All Requests")
    nq = request_stats(text, "next-query")
    ans = request_stats(text, "answer")
    if nq is None or ans is None:
        print("no /next-query or /answer requests completed | - | - | %s|fail" % (total or {}).get("numberOfRequests.ko", "?"))
        return
    cycles = int(ans["numberOfRequests.ok"]) / seconds
    pct = lambda s: "%s / %s / %s" % (s["percentiles1.ok"], s["percentiles3.ok"], s["percentiles4.ok"])
    p99 = nq["percentiles4.ok"]
    ok = p99 != "-" and float(p99) <= bound and total["numberOfRequests.ko"] == "0"
    print("%.1f | %s | %s | %s|%s" % (cycles, pct(nq), pct(ans), total["numberOfRequests.ko"], "pass" if ok else "fail"))


main()
