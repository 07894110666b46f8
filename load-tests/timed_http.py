"""Helpers the latency scripts share (one-client.py, many-sessions.py): a timed JSON POST and a percentile."""
import json
import time
import urllib.request


def post(base, path, body):
    """POSTs body as JSON; returns (the parsed answer, milliseconds taken). Raises urllib.error.HTTPError on 4xx/5xx."""
    t = time.perf_counter()
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        data = json.load(r)
    return data, (time.perf_counter() - t) * 1000


def pct(values, p):
    """The p-th percentile of values, nearest rank."""
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100 * len(v)))]
