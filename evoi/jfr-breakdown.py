#!/usr/bin/env python3
"""Where a JFR recording's Java execution samples go, by part of the service (evoi/RESULTS.md, "Issue 17: a first
profile"). Each sample goes to the innermost engine part on its stack; samples with none go to ND4J/JavaCPP
bookkeeping, HTTP or the JVM when their frames say so, else to "other".
Then two counts the text cites: Java samples with a `SecureRandom` on their stack, and native samples in JavaCPP's
resident-size check (`Pointer.physicalBytesInaccurate`).
Usage: evoi/jfr-breakdown.py RECORDING.jfr   (needs the JDK's `jfr` on the PATH)"""
import collections
import re
import subprocess
import sys

PARTS = [
    ("the no-repeat alternative (QueryPlanner.fresh)", ["QueryPlanner.fresh"]),
    ("pool build: exact top-k over the catalog, Thompson favourites", ["CandidatePool.build"]),
    ("pool score matrix: PoolEvaluator set-up, PoolScores exps", ["PoolEvaluator.<init>", "PoolScores"]),
    ("slate values: PoolEvaluator.values", ["PoolEvaluator.values", "PoolEvaluator.evaluate"]),
    ("greedy EUS completion", ["GreedyEusStrategy"]),
    ("gradient: seeds, swap search", ["GradientStrategy", "SwapSearch", "SlotScan", "Candidates"]),
    ("rejuvenation (answer)", ["Rejuvenation"]),
    ("belief update (answer)", ["BeliefUpdate", "Posterior.observe"]),
    ("recommendations", ["Recommendations"]),
    ("JSON", ["com.fasterxml.jackson"]),
    ("HTTP server (Vert.x, Netty)", ["io.netty", "io.vertx"]),
]
OUTSIDE = [
    ("ND4J/JavaCPP array bookkeeping (ids, deallocators, pointer scopes, SecureRandom)",
     ["org.nd4j", "org.bytedeco", "SecureRandom"]),
    ("JVM reference handling, JFR", ["java.lang.ref", "jdk.jfr"]),
]


def part(frames):
    for parts in (PARTS, OUTSIDE):
        for f in frames:  # innermost first
            for name, patterns in parts:
                if any(p in f for p in patterns):
                    return name
    return "other"


def events(kind):
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", kind, sys.argv[1]], capture_output=True,
                          text=True, check=True).stdout
    return text.split(kind + " {")[1:]


samples = events("jdk.ExecutionSample")
count = collections.Counter()
for event in samples:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
    if m:
        count[part([line.strip() for line in m.group(1).strip().split("\n") if line.strip()])] += 1
n = sum(count.values())
print(f"{n} samples\n\n| part (Java execution samples) | share |\n|---|---|")
for name, c in count.most_common():
    print(f"| {name} | {c * 100 / n:.1f}% |")
print(f"\nJava samples with SecureRandom on the stack: {sum('SecureRandom' in e for e in samples)} of {n}")
native = events("jdk.NativeMethodSample")
print(f"native samples in Pointer.physicalBytesInaccurate: {sum('physicalBytesInaccurate' in e for e in native)}"
      f" of {len(native)}")
