#!/usr/bin/env python3
"""Writes the generated cases of the scale benchmark (issue "One compiled model", item 3) into a
project folder: priors/scale-N.yaml and evidence/scale-N/items.yaml for each N given (items in files of at most 10,000, under the 4 MiB limit of one file).

Each case: 3 hypotheses, N items dated over five years (2019-08-01 to 2024-07-31), a third of them in
50 groups, mixed reliabilities (A1..E5 Admiralty codes and numbers), confidence 20, drift 0.2 per
year, 2,000 Monte Carlo draws. A pure function of N and the seed: same N, same files.

usage: scale_cases.py ROOT N [N ...]
"""
import datetime
import os
import random
import sys

START = datetime.date(2019, 8, 1)
DAYS = (datetime.date(2024, 7, 31) - START).days


def write_case(root, n, seed=20241201):
    rng = random.Random(seed + n)
    case = "scale-%d" % n
    os.makedirs(os.path.join(root, "priors"), exist_ok=True)
    ev = os.path.join(root, "evidence", case)
    os.makedirs(ev, exist_ok=True)
    with open(os.path.join(root, "priors", case + ".yaml"), "w") as f:
        f.write("case: %s\n" % case)
        f.write("question: Which of three hypotheses holds? (generated scale case, %d items)\n" % n)
        f.write("as_of: 2024-08-01\n")
        f.write("hypotheses:\n")
        for h in ("a", "b", "c"):
            f.write("  - id: %s\n    label: hypothesis %s\n" % (h, h))
        f.write("prior:\n  probabilities: {a: 0.4, b: 0.35, c: 0.25}\n  concentration: 20\n")
        f.write("settings:\n  correlation: 0.5\n  draws: 2000\n  seed: 7\n  drift: 0.2\n")
    codes = ["A1", "A2", "B2", "B3", "C3", "C4", "D4", "E5", "0.9", "0.7", "1"]
    f = None
    for i in range(n):
        if i % 10000 == 0:
            if f:
                f.close()
            f = open(os.path.join(ev, "items-%03d.yaml" % (i // 10000)), "w")
        date = START + datetime.timedelta(days=rng.randrange(DAYS + 1))
        ls = [round(rng.uniform(0.3, 0.7), 3) for _ in range(3)]
        f.write("- id: item-%d\n" % i)
        f.write("  date: %s\n" % date.isoformat())
        f.write("  reliability: %s\n" % rng.choice(codes))
        f.write("  likelihoods: {a: %s, b: %s, c: %s}\n" % tuple(ls))
        f.write("  confidence: 20\n")
        if rng.random() < 1 / 3:
            f.write("  group: g%d\n" % rng.randrange(50))
    if f:
        f.close()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for arg in sys.argv[2:]:
        write_case(sys.argv[1], int(arg))
