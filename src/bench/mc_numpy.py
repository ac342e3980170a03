#!/usr/bin/env python3
"""The Monte Carlo workload of shared/bench/monte-carlo-workload.md in vectorised numpy.

Same computation as deciban's kernel: per draw, each likelihood L[j,h] ~ Beta(a, b) drawn as
X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); log posterior = log prior + sum_j log L; log Z by
log-sum-exp; draws weighted by Z normalised in log space across draws; per hypothesis the weighted
mean and the weighted 5% and 95% quantiles (the smallest value whose cumulative weight reaches q).

Usage: mc_numpy.py small|large [draws] [processes] [floor]
"""
import sys
import time
import numpy as np
from multiprocessing import Pool

CHUNK = 16384


def shapes(items, k):
    j = np.arange(items)[:, None]
    h = np.arange(k)[None, :]
    return 1.5 + ((7 * j + 3 * h) % 10), 1.5 + ((5 * j + 11 * h) % 10)


def work(args):
    size, draws, seed, floor = args
    items, prior = (20, np.array([0.5, 0.3, 0.2])) if size == "small" else (200, np.full(8, 1 / 8))
    a, b = shapes(items, prior.size)
    rng = np.random.default_rng(seed)
    logpi = np.log(prior)
    post = np.empty((draws, prior.size))
    logz = np.empty(draws)
    check = 0.0
    for s in range(0, draws, CHUNK):
        n = min(CHUNK, draws - s)
        x = rng.standard_gamma(a, size=(n,) + a.shape)
        y = rng.standard_gamma(b, size=(n,) + b.shape)
        lik = x / (x + y)
        if floor:
            check += lik[:, 0, 0].sum()
            continue
        lp = logpi + np.log(lik).sum(axis=1)
        m = lp.max(axis=1, keepdims=True)
        lz = m[:, 0] + np.log(np.exp(lp - m).sum(axis=1))
        post[s:s + n] = np.exp(lp - lz[:, None])
        logz[s:s + n] = lz
    return (check,) if floor else (post, logz)


def weighted_quantile(v, w, q):
    o = np.argsort(v, kind="stable")
    c = np.cumsum(w[o])
    return v[o][np.searchsorted(c, q * c[-1])]


def main():
    size = sys.argv[1]
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else (1_000_000 if size == "small" else 100_000)
    procs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    floor = len(sys.argv) > 4 and sys.argv[4] == "floor"
    parts = [(size, draws // procs + (1 if i < draws % procs else 0), 20240801 + i, floor) for i in range(procs)]
    t0 = time.perf_counter()
    if procs == 1:
        res = [work(parts[0])]
    else:
        with Pool(procs) as p:
            res = p.map(work, parts)
    if not floor:
        post = np.concatenate([r[0] for r in res])
        logz = np.concatenate([r[1] for r in res])
        w = np.exp(logz - logz.max())
        ess = w.sum() ** 2 / (w * w).sum()
        summary = []
        for h in range(post.shape[1]):
            mean = (w * post[:, h]).sum() / w.sum()
            summary.append((h, mean, weighted_quantile(post[:, h], w, 0.05), weighted_quantile(post[:, h], w, 0.95)))
    secs = time.perf_counter() - t0
    print(f"numpy {size} {'floor' if floor else 'kernel'} processes={procs} draws={draws} seconds={secs:.3f} "
          f"draws_per_s={draws / secs:.0f}")
    if not floor:
        for h, mean, p05, p95 in summary:
            print(f"  h{h} mean={mean:.4f} p05={p05:.4f} p95={p95:.4f} ess={ess:.0f}")


if __name__ == "__main__":
    main()
