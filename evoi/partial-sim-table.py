#!/usr/bin/env python3
"""Partial, mixed and item questions side by side, from the JSON of three `simulate` runs of the same users
(or of the first users of a larger run: synthetic users are drawn in order, checked by their starting regret).

python3 evoi/partial-sim-table.py ITEMS.json PARTIAL.json MIXED.json   (stdlib only)

Prints markdown: each strategy's mean regret (95% interval) at t = 0, 1, 2, 5, 10 under each kind of question;
the paired differences partial - items, mixed - items and mixed - partial for the same strategy (user by
user, 95% normal-approximation interval, as simulate's own `paired` and `comparedTo`); and two checks:
whether each run's mean regret falls with t (t = 0 to T, non-increasing, and where not), and whether partial
gradient is below partial random at every t >= 1 (means, and the paired interval).
"""
import json
import math
import sys

STEPS = [0, 1, 2, 5, 10]


def load(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    if not d.get("complete"):
        sys.exit(path + ": run not complete")
    return d


def interval(xs):
    n = len(xs)
    m = sum(xs) / n
    var = max(0.0, (sum(x * x for x in xs) - n * m * m) / (n - 1)) if n > 1 else 0.0
    h = 1.96 * math.sqrt(var / n)
    return m, m - h, m + h


def paired(a, b, t):
    """Mean and interval of a[u][t] - b[u][t] over the users finished in both (the first min(len) users)."""
    xs = [x[t] - y[t] for x, y in zip(a, b) if x is not None and y is not None]
    return interval(xs)


def same_users(runs):
    """Runs of the same users have one fingerprint; with fewer synthetic users, the first users of the larger run
    (drawn in order from the same seed) must then start from the same regret as doubles, user by user."""
    if len({r["config"]["usersFingerprint"] for r in runs.values()}) == 1:
        return
    if any(r["config"].get("usersFile") for r in runs.values()):
        sys.exit("different users files or counts: not pairable")
    first = {k: [u[0] for u in r["perUserRegret"][r["config"]["strategies"][0]]] for k, r in runs.items()}
    n = min(len(v) for v in first.values())
    ref = next(iter(first.values()))[:n]
    for k, v in first.items():
        if v[:n] != ref:
            sys.exit(k + ": its first %d users do not start from the same regret: not the same users" % n)


def fmt(m, lo, hi, sign=False):
    f = "{:+.3f}" if sign else "{:.3f}"
    return (f + " [" + f + ", " + f + "]").format(m, lo, hi)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    runs = {"items": load(argv[1]), "partial": load(argv[2]), "mixed": load(argv[3])}
    keys = ("catalog", "catalogVersion", "usersFile", "queries", "slate", "lambda", "particles", "seed")
    for k in keys:
        if len({json.dumps(r["config"].get(k)) for r in runs.values()}) != 1:
            sys.exit("the runs differ in " + k)
    same_users(runs)
    cfg = runs["partial"]["config"]
    print("%s, users: %s, T = %d, k = %d, s = %s, lambda = %g, M = %d, seed %d" % (
        cfg["catalog"], ", ".join("%s %d" % (k, r["config"]["users"]) for k, r in runs.items()), cfg["queries"],
        cfg["slate"], cfg.get("partialAttributes"), cfg["lambda"], cfg["particles"], cfg["seed"]))
    print()
    strategies = [s for s in runs["partial"]["config"]["strategies"]]
    print("| strategy | questions (users) | " + " | ".join("t = %d" % t for t in STEPS) + " | ms p50 |")
    print("|---|---|" + "---|" * len(STEPS) + "---|")
    for s in strategies:
        for kind in ("items", "partial", "mixed"):
            per_user = runs[kind]["perUserRegret"][s]
            cells = [fmt(*interval([u[t] for u in per_user if u is not None])) for t in STEPS]
            ms = runs[kind]["strategies"][s]["msPerQueryP50"]
            print("| %s | %s (%d) | %s | %.1f |" % (s, kind, len(per_user), " | ".join(cells), ms))
    print()
    print("Paired differences, same strategy, same users (negative: the first kind leaves less regret; over the"
          " users both runs have):")
    print()
    print("| strategy | difference (users) | " + " | ".join("t = %d" % t for t in STEPS[1:]) + " |")
    print("|---|---|" + "---|" * (len(STEPS) - 1))
    for s in strategies:
        for a, b in (("partial", "items"), ("mixed", "items"), ("mixed", "partial")):
            ra, rb = runs[a]["perUserRegret"][s], runs[b]["perUserRegret"][s]
            n = min(len(ra), len(rb))
            print("| %s | %s − %s (%d) | %s |" % (s, a, b, n, " | ".join(fmt(*paired(ra, rb, t), sign=True)
                                                                   for t in STEPS[1:])))
    print()
    print("Checks:")
    for kind, r in runs.items():
        for s in strategies:
            reg = r["strategies"][s]["regret"]
            rises = [t for t in range(1, len(reg)) if reg[t] > reg[t - 1]]
            print("- %s %s: regret %.3f -> %.3f; %s" % (kind, s, reg[0], reg[-1],
                  "non-increasing at every t" if not rises else "rises at t = " + ", ".join(map(str, rises))))
    if "random" in strategies and "gradient" in strategies:
        g, rnd = runs["partial"]["perUserRegret"]["gradient"], runs["partial"]["perUserRegret"]["random"]
        T = cfg["queries"]
        worst = []
        for t in range(1, T + 1):
            m, lo, hi = paired(rnd, g, t)
            worst.append((t, m, lo, hi))
        below = all(m > 0 for _, m, _, _ in worst)
        sig = [t for t, m, lo, hi in worst if lo > 0]
        print("- partial gradient below partial random at every t >= 1: %s (random - gradient, paired: %s);"
              " interval above 0 at t = %s" % ("yes" if below else "NO", ", ".join(
                  "t=%d %+.3f" % (t, m) for t, m, _, _ in worst), ", ".join(map(str, sig)) or "none"))


if __name__ == "__main__":
    main(sys.argv)
