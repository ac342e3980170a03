#!/usr/bin/env python3
"""Writes extreme-size cases (issue 14) into a project folder (priors/, evidence/), for
src/bench/size-bench.sh. Every case is valid input except, perhaps, for its size:

  hyp-H        H hypotheses, 3 evidence items
  items-N      3 hypotheses, N evidence items (files of at most 20,000 items), settings.draws 1000
  label-B      a small case (3 hypotheses, 20 items) whose first hypothesis label is B bytes with no space
  strings-B    a small case whose first item has a quote, a source and a rationale of B bytes each

Usage: size_cases.py DIR KIND SIZE [KIND SIZE ...]     (KIND: hyp, items, label, strings)
Example: size_cases.py /tmp/sizes hyp 10000 items 200000 label 1000000 strings 1000000
Deterministic: the same arguments write the same bytes (likelihoods from a fixed linear
congruential sequence; no clock, no random module).
"""
import os
import sys


def lcg(seed):
    x = seed
    while True:
        x = (6364136223846793005 * x + 1442695040888963407) % (1 << 64)
        yield (x >> 11) / float(1 << 53)


def likelihood(gen):
    return round(0.05 + 0.9 * next(gen), 3)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def prior_lines(ids):
    # probabilities that sum to 1 within 1e-9: all equal to 12 decimals, the last takes the rest
    each = round(1.0 / len(ids), 12)
    last = round(1.0 - each * (len(ids) - 1), 12)
    out = ["prior:", "  probabilities:"]
    for i, h in enumerate(ids):
        out.append("    %s: %r" % (h, last if i == len(ids) - 1 else each))
    return out


def case_file(case, ids, labels=None, settings=()):
    lines = ["case: %s" % case, "question: Which of the hypotheses holds?", "as_of: 2024-08-01", "hypotheses:"]
    for i, h in enumerate(ids):
        lines.append("  - id: %s" % h)
        lines.append("    label: %s" % (labels[i] if labels else "Hypothesis " + h))
    lines += prior_lines(ids)
    if settings:
        lines += ["settings:"] + ["  %s: %s" % kv for kv in settings]
    return "\n".join(lines) + "\n"


def item(i, ids, gen, extra=()):
    ls = ", ".join("%s: %r" % (h, likelihood(gen)) for h in ids)
    lines = ["- id: item-%d" % i, "  date: 2024-07-%02d" % (1 + i % 28), "  reliability: B2",
             "  likelihoods: {%s}" % ls, "  confidence: 10"]
    if i % 5 == 0:
        lines.append("  group: g%d" % (i // 50))
    lines += list(extra)
    return "\n".join(lines) + "\n"


def hyp(root, h):
    case = "hyp-%d" % h
    ids = ["h%d" % k for k in range(h)]
    write(os.path.join(root, "priors", case + ".yaml"), case_file(case, ids))
    gen = lcg(1)
    write(os.path.join(root, "evidence", case, "items.yaml"), "".join(item(i, ids, gen) for i in range(3)))


def items(root, n):
    case = "items-%d" % n
    ids = ["a", "b", "c"]
    write(os.path.join(root, "priors", case + ".yaml"), case_file(case, ids, settings=[("draws", 1000)]))
    gen = lcg(2)
    per_file = 20_000
    for f in range((n + per_file - 1) // per_file):
        lo, hi = f * per_file, min(n, (f + 1) * per_file)
        write(os.path.join(root, "evidence", case, "items-%03d.yaml" % f),
              "".join(item(i, ids, gen) for i in range(lo, hi)))


def label(root, b):
    case = "label-%d" % b
    ids = ["a", "b", "c"]
    write(os.path.join(root, "priors", case + ".yaml"),
          case_file(case, ids, labels=["L" * b, "Hypothesis b", "Hypothesis c"]))
    gen = lcg(3)
    write(os.path.join(root, "evidence", case, "items.yaml"), "".join(item(i, ids, gen) for i in range(20)))


def strings(root, b):
    case = "strings-%d" % b
    ids = ["a", "b", "c"]
    write(os.path.join(root, "priors", case + ".yaml"), case_file(case, ids))
    gen = lcg(4)
    text = "word " * (b // 5)
    extra = ['  source: "%s"' % text, '  quote: "%s"' % text, '  rationale: "%s"' % text]
    write(os.path.join(root, "evidence", case, "items.yaml"),
          item(0, ids, gen, extra) + "".join(item(i, ids, gen) for i in range(1, 20)))


KINDS = {"hyp": hyp, "items": items, "label": label, "strings": strings}


def main():
    args = sys.argv[1:]
    if len(args) < 3 or len(args) % 2 == 0 or any(k not in KINDS for k in args[1::2]):
        sys.exit(__doc__)
    for kind, size in zip(args[1::2], args[2::2]):
        KINDS[kind](args[0], int(size))


if __name__ == "__main__":
    main()
