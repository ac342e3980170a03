#!/usr/bin/env python3
"""Writes the extreme-size cases of issue 14 into a project folder (priors/, evidence/), for
src/bench/size-bench.sh. Every case is valid input except for its size:

  many-hypotheses   H hypotheses (default 10,000), 3 evidence items
  many-items        3 hypotheses, N evidence items (default 200,000) in files of at most 20,000 items
  long-label        the shape of a small case with one hypothesis label of B bytes (default 1 MB)
  long-strings      a quote, a source and a rationale of B bytes each

Usage: size_cases.py DIR [--hypotheses H] [--items N] [--bytes B]
Deterministic: the same arguments write the same bytes (likelihoods from a fixed linear
congruential sequence, no clock, no random module).
"""
import argparse
import os


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
    # probabilities that sum to 1 exactly in decimal: all equal but the last takes the rest
    n = len(ids)
    base = 1.0 / n
    digits = 12
    each = round(base, digits)
    last = round(1.0 - each * (n - 1), digits)
    out = ["prior:", "  probabilities:"]
    for i, h in enumerate(ids):
        out.append("    %s: %r" % (h, last if i == n - 1 else each))
    return out


def case_file(case, ids, labels=None, settings=None):
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


def many_hypotheses(root, h):
    ids = ["h%d" % k for k in range(h)]
    write(os.path.join(root, "priors", "many-hypotheses.yaml"), case_file("many-hypotheses", ids))
    gen = lcg(1)
    write(os.path.join(root, "evidence", "many-hypotheses", "items.yaml"),
          "".join(item(i, ids, gen) for i in range(3)))


def many_items(root, n):
    ids = ["a", "b", "c"]
    write(os.path.join(root, "priors", "many-items.yaml"), case_file("many-items", ids, settings=[("draws", 1000)]))
    gen = lcg(2)
    per_file = 20_000
    for f in range((n + per_file - 1) // per_file):
        lo, hi = f * per_file, min(n, (f + 1) * per_file)
        write(os.path.join(root, "evidence", "many-items", "items-%03d.yaml" % f),
              "".join(item(i, ids, gen) for i in range(lo, hi)))


def long_label(root, b):
    ids = ["a", "b", "c"]
    label = "L" * b
    write(os.path.join(root, "priors", "long-label.yaml"),
          case_file("long-label", ids, labels=[label, "Hypothesis b", "Hypothesis c"]))
    gen = lcg(3)
    write(os.path.join(root, "evidence", "long-label", "items.yaml"), "".join(item(i, ids, gen) for i in range(20)))


def long_strings(root, b):
    ids = ["a", "b", "c"]
    write(os.path.join(root, "priors", "long-strings.yaml"), case_file("long-strings", ids))
    gen = lcg(4)
    text = "word " * (b // 5)
    extra = ['  source: "%s"' % text, '  quote: "%s"' % text, '  rationale: "%s"' % text]
    write(os.path.join(root, "evidence", "long-strings", "items.yaml"),
          item(0, ids, gen, extra) + "".join(item(i, ids, gen) for i in range(1, 20)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--hypotheses", type=int, default=10_000)
    ap.add_argument("--items", type=int, default=200_000)
    ap.add_argument("--bytes", type=int, default=1_000_000)
    a = ap.parse_args()
    many_hypotheses(a.dir, a.hypotheses)
    many_items(a.dir, a.items)
    long_label(a.dir, a.bytes)
    long_strings(a.dir, a.bytes)


if __name__ == "__main__":
    main()
