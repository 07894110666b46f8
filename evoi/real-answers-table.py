#!/usr/bin/env python3
"""Markdown tables of a `simulate --answers-from` results JSON: position (with 95% intervals), the per-person
logit on the same answers, paired differences against the first strategy, hit@1/hit@3/NDCG@3 at the last t, and
the stop rules replayed; plateau is the share of questions asked at EVOI 0 (the tie rule chose them), asked the mean
position of the items asked in the person's own order. Usage: evoi/real-answers-table.py RESULTS.json [T,T,...]"""
import json
import sys

r = json.load(open(sys.argv[1]))
cfg = r["config"]
last = cfg["queries"]
ts = [int(t) for t in sys.argv[2].split(",")] if len(sys.argv) > 2 else [t for t in (0, 1, 2, 4, 6, 10) if t <= last]


def cell(c, t):
    return f"{c[0][t]:.2f} [{c[1][t]:.2f}, {c[2][t]:.2f}]"


print(f"{cfg['catalog']}: {cfg['people']} people ({cfg['testPeople']}), slate {cfg['slate']}, lambda {cfg['lambda']:.3g},"
      f" M = {cfg['particles']}, allowRepeats {cfg.get('allowRepeats')}; random pick: position "
      f"{r['randomPick']['position'][0]:.2f}, hit@1 {r['randomPick']['hit1'][0]:.3f}\n")
def opt(s, key, fmt):
    return format(s[key], fmt) if key in s else ""


print("| strategy | " + " | ".join(f"t = {t}" for t in ts) + " | ms/query | ties | repeats | plateau | asked |")
print("|---" * (len(ts) + 6) + "|")
for name, s in r["strategies"].items():
    print(f"| {name} | " + " | ".join(cell(s["bayes"]["position"], t) for t in ts)
          + f" | {s['msPerQuery']:.1f} | {s['ties']} | {s['repeatedSlates']} | {opt(s, 'plateauShare', '.3f')} |"
          f" {opt(s, 'askedPosition', '.2f')} |")
    print(f"| ↳ logit, same answers | " + " | ".join(cell(s["mnl"]["position"], t) for t in ts) + " | | | | | |")
print()
ref = cfg["strategies"][0]
print(f"Paired, position minus {ref}'s (negative: better than {ref}):\n")
print("| strategy | " + " | ".join(f"t = {t}" for t in ts) + " |")
print("|---" * (len(ts) + 1) + "|")
for name, s in r["strategies"].items():
    d = s.get("positionMinusReference")
    if d:
        print(f"| {name} | " + " | ".join(f"{d['difference'][t]:+.2f} [{d['low'][t]:+.2f}, {d['high'][t]:+.2f}]" for t in ts) + " |")
print()
print(f"At t = {last}: hit@1 / hit@3 / NDCG@3, and the posterior's position minus the logit's on the same answers:\n")
print("| strategy | hit@1 | hit@3 | NDCG@3 | posterior − logit |")
print("|---|---|---|---|---|")
for name, s in r["strategies"].items():
    b = s["bayes"]
    d = s["bayesMinusMnl"]
    print(f"| {name} | {b['hit1'][0][last]:.3f} | {b['hit3'][0][last]:.3f} | {b['ndcg3'][0][last]:.3f} | "
          f"{d['difference'][last]:+.2f} [{d['low'][last]:+.2f}, {d['high'][last]:+.2f}] |")
print()
name = cfg["strategies"][0]
rules = r["strategies"][name]["stopRules"]
print(f"Stop rules replayed on {name}'s sessions (stop before a question whose EVOI < f × utility scale, or when"
      f" P(top is best) ≥ c): share stopped before T, mean answers, position at the stop minus at T:\n")
print("| f | c | stopped | answers | cost |")
print("|---|---|---|---|---|")
for x in rules:
    c = "never" if x["confidence"] >= 1 else f"{x['confidence']:g}"
    print(f"| {x['evoiFraction']:g} | {c} | {x['stopped']:.2f} | {x['answers']:.2f} | "
          f"{x['cost'][0]:+.3f} [{x['cost'][1]:+.3f}, {x['cost'][2]:+.3f}] |")
