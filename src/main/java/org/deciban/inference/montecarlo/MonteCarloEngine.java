package org.deciban.inference.montecarlo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deciban.inference.CaseModel;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.model.Case;

/**
 * Monte Carlo credible intervals, design step 5 and N5.
 *
 * <p>Per draw s: pi_s ~ Dirichlet(c pi) when the prior has a concentration c; each uncertain
 * likelihood L_s ~ Beta(a, b) ({@link org.deciban.inference.JudgmentUncertainty}; Beta = X / (X + Y) with X ~ Gamma(a),
 * Y ~ Gamma(b) from Commons RNG's Ahrens-Dieter/Marsaglia-Tsang sampler); then steps 1-3
 * (the compiled model's {@link org.deciban.inference.JudgmentEvaluator}) give p_s and log Z_s. Importance weights W_s = Z_s / max Z are
 * formed in log space. For each hypothesis and outcome the result holds the weighted mean, median,
 * 5% and 95% quantiles, lead share, Monte Carlo standard error and effective sample size
 * ({@link Interval}); a warning is added when the ESS falls below {@value #ESS_WARNING_SHARE} of
 * the draws. A draw whose evidence rules out every hypothesis (log Z_s = -infinity) has weight 0.
 *
 * <p>Reproducibility: draws run in chunks of {@value #CHUNK} draws, fewer for a large case
 * ({@link #chunkSize}: the chunk's size is a function of the case alone, so that a case of 100,000
 * items spreads 2,000 draws over both cores); one {@link RandomSource#XO_RO_SHI_RO_128_PP}
 * generator is seeded with the seed, and chunk i draws from the stream its i-th
 * {@link JumpableUniformRandomProvider#jump()} returns (a copy of the generator at that point, which then
 * advances by 2^64 outputs), so chunk streams are disjoint for any run shorter than 2^64 outputs a chunk and
 * are handed out in chunk order on the calling thread; chunk sums are merged in chunk order. The figures
 * therefore depend on the seed and the number of draws, never on the number of threads. (xoroshiro128++
 * replaced L64_X128_MIX with split() streams because the random draws are most of a run's time and it
 * draws Gamma variates about a quarter faster on the benchmark workload.)
 *
 * <p>Memory: when draws * (quantities + 1) &lt;= {@value #EXACT_CELL_LIMIT} every draw's values are
 * stored and the quantiles are exact weighted quantiles. Above that (e.g. 100 million draws), each
 * quantity gets a weighted histogram over [0, 1] with {@value #BINS} bins of width
 * {@value #BIN_WIDTH}, merged chunk by chunk; a quantile is the midpoint of the bin where the
 * cumulative weight crosses it, so its error is at most half a bin, {@value #BIN_WIDTH}/2. Means,
 * standard errors, lead shares and ESS are exact sums in both cases. Memory then is
 * O(threads * CHUNK * quantities + quantities * BINS), independent of the number of draws.
 */
public final class MonteCarloEngine {

    /** Draws per chunk, each chunk one random stream. Fixed: changing it changes every figure. */
    public static final int CHUNK = 16_384;
    /** Judgments drawn per draw up to which a chunk holds {@link #CHUNK} draws (every case of a few hundred items). */
    public static final int SMALL_DRAW = 1024;
    /** The fewest draws in a chunk. */
    public static final int MIN_CHUNK = 64;
    /** Histogram bins over [0, 1] in streaming mode. */
    public static final int BINS = 10_000;
    /** Width of a histogram bin, 1 / BINS. */
    public static final double BIN_WIDTH = 1.0 / BINS;
    /** Largest number of stored doubles (draws * (quantities + 1)) for exact quantiles: 128 MiB. */
    public static final long EXACT_CELL_LIMIT = 1L << 24;
    /** ESS below this share of the draws gives a warning. */
    public static final double ESS_WARNING_SHARE = 0.01;

    private MonteCarloEngine() {
    }

    /** Runs without progress reports. */
    public static MonteCarloResult run(CaseModel model, MonteCarloOptions options) {
        return run(model, options, done -> { });
    }

    /**
     * Runs the draws.
     *
     * @param progress told the number of draws finished, after each chunk, from the calling thread
     * @throws ImpossibleEvidenceException when the stated evidence, or every draw, rules out every hypothesis
     */
    public static MonteCarloResult run(CaseModel model, MonteCarloOptions options, LongConsumer progress) {
        return run(model, options, progress, EXACT_CELL_LIMIT);
    }

    /** As {@link #run(CaseModel, MonteCarloOptions, LongConsumer)} with another limit of stored doubles (for tests). */
    static MonteCarloResult run(CaseModel model, MonteCarloOptions options, LongConsumer progress, long exactCellLimit) {
        return run(prepare(model), options, progress, exactCellLimit);
    }

    /**
     * Sets a compiled case up for drawing: each uncertain likelihood's Beta shapes (solving every stated
     * 90% interval for its Beta), the Dirichlet parameters of the uncertain rows and the summary layout.
     * A caller that runs the same case several times (with other seeds, draws or threads) prepares it
     * once; the figures are the same as {@link #run(CaseModel, MonteCarloOptions)}'s.
     *
     * @throws IllegalArgumentException when a stated interval has no matching Beta
     */
    public static Prepared prepare(CaseModel model) {
        return new Prepared(model);
    }

    /** A case set up for drawing by {@link #prepare}; immutable, safe to share between runs and threads. */
    public static final class Prepared {
        private final Case c;
        private final DrawModel model;
        private final Layout layout;
        private final int chunk;

        private Prepared(CaseModel m) {
            this.c = m.source();
            this.model = DrawModel.of(m);
            this.layout = new Layout(c);
            this.chunk = chunkSize(model.uncertainCells() + model.rowCells());
        }

        /** The case it was compiled from. */
        public Case source() {
            return c;
        }
    }

    /** Runs the draws of a prepared case; see {@link #run(Case, MonteCarloOptions, LongConsumer)}. */
    public static MonteCarloResult run(Prepared p, MonteCarloOptions options, LongConsumer progress) {
        return run(p, options, progress, EXACT_CELL_LIMIT);
    }

    private static MonteCarloResult run(Prepared p, MonteCarloOptions options, LongConsumer progress,
                                        long exactCellLimit) {
        Case c = p.c;
        DrawModel model = p.model;
        Layout layout = p.layout;
        long draws = options.draws();
        int q = layout.quantities;
        boolean exact = draws * (q + 1L) <= exactCellLimit;
        Storage storage = exact ? new Storage(q, (int) draws) : null;
        int chunk = p.chunk;
        long chunks = (draws + chunk - 1) / chunk;
        JumpableUniformRandomProvider root = root(options.seed());
        ChunkSums total = new ChunkSums(q, !exact);
        Worker worker = new Worker(model, layout, options.weighting(), draws, chunk, storage);
        if (options.threads() == 1 || chunks == 1) {
            for (long i = 0; i < chunks; i++) {
                total.merge(worker.chunk(i, root.jump()));
                progress.accept(Math.min(draws, (i + 1) * chunk));
            }
        } else {
            runParallel(options.threads(), chunks, chunk, root, worker, total, progress, draws);
        }
        if (total.finite == 0 || !(total.sumW > 0)) {
            throw new ImpossibleEvidenceException("case '" + c.id() + "': every one of the " + draws
                    + " Monte Carlo draws rules out every hypothesis; no interval can be given");
        }
        return summarise(c, layout, options, total, storage);
    }

    /**
     * Draws per chunk for a case that draws {@code judgments} numbers a draw (uncertain likelihood cells and
     * Dirichlet row entries): {@link #CHUNK} up to {@link #SMALL_DRAW} judgments, else the largest power
     * of two not above CHUNK * SMALL_DRAW / judgments, at least {@link #MIN_CHUNK}, so that a chunk draws
     * about 16 million numbers whatever the case's size and the chunks of a large case can run in
     * parallel. A function of the case alone: the figures still depend on the seed and the draws only.
     */
    static int chunkSize(long judgments) {
        if (judgments <= SMALL_DRAW) {
            return CHUNK;
        }
        long fit = (long) CHUNK * SMALL_DRAW / judgments;
        return (int) Math.max(MIN_CHUNK, Long.highestOneBit(Math.max(1, fit)));
    }

    private static void runParallel(int threads, long chunks, int chunk, JumpableUniformRandomProvider root, Worker worker,
                                    ChunkSums total, LongConsumer progress, long draws) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deciban-monte-carlo");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<ChunkSums>> pending = new ArrayDeque<>();
            long window = 2L * threads;
            long next = 0;
            for (long done = 0; done < chunks; done++) {
                while (next < chunks && next - done < window) {
                    long index = next++;
                    UniformRandomProvider rng = root.jump();
                    pending.add(pool.submit(() -> worker.chunk(index, rng)));
                }
                total.merge(pending.removeFirst().get());
                progress.accept(Math.min(draws, (done + 1) * chunk));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("Monte Carlo chunk failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The random-draw floor of a run: the same chunks, streams and samplers as {@link #run}, drawing
     * the judgments only (no posterior, no summaries). For benchmarks; returns a checksum.
     */
    public static double judgmentFloor(CaseModel model, MonteCarloOptions options) {
        return judgmentFloor(prepare(model), options);
    }

    /** {@link #judgmentFloor(CaseModel, MonteCarloOptions)} of a prepared case. */
    public static double judgmentFloor(Prepared p, MonteCarloOptions options) {
        DrawModel model = p.model;
        long draws = options.draws();
        int chunk = p.chunk;
        long chunks = (draws + chunk - 1) / chunk;
        JumpableUniformRandomProvider root = root(options.seed());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "deciban-monte-carlo-floor");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Double>> parts = new ArrayList<>();
            for (long i = 0; i < chunks; i++) {
                int n = (int) Math.min(chunk, draws - i * chunk);
                UniformRandomProvider rng = root.jump();
                parts.add(pool.submit(() -> {
                    DrawModel.Stream s = model.stream(rng);
                    double sum = 0;
                    for (int d = 0; d < n; d++) {
                        s.sampleJudgments();
                        sum += s.checksum();
                    }
                    return sum;
                }));
            }
            double total = 0;
            for (Future<Double> f : parts) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("floor chunk failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The seeded generator whose successive jumps are the chunks' streams, in chunk order. */
    private static JumpableUniformRandomProvider root(long seed) {
        return (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * Every draw's quantities (draw by draw, Q values each) and log weight, for exact quantiles.
     * Chunks write their own rows directly; after the run the log weights become weights in place.
     */
    private static final class Storage {
        final double[] values;
        final double[] logW;

        Storage(int quantities, int draws) {
            values = new double[Math.multiplyExact(quantities, draws)];
            logW = new double[draws];
        }
    }

    /** Per-thread chunk buffers of the streaming (histogram) mode, and the posterior buffer. */
    private static final class Buffers {
        final double[] post;
        final double[] vals;
        final double[] logW;

        Buffers(int hypotheses, int quantities, int chunk, boolean chunkRows) {
            post = new double[hypotheses];
            vals = chunkRows ? new double[chunk * quantities] : null;
            logW = chunkRows ? new double[chunk] : null;
        }
    }

    /** Runs one chunk of draws with its own stream; thread-safe (buffers are per thread). */
    private static final class Worker {
        private final DrawModel model;
        private final Layout layout;
        private final Weighting weighting;
        private final long draws;
        private final int size;
        private final Storage storage;
        private final ThreadLocal<Buffers> buffers;

        Worker(DrawModel model, Layout layout, Weighting weighting, long draws, int size, Storage storage) {
            this.model = model;
            this.layout = layout;
            this.weighting = weighting;
            this.draws = draws;
            this.size = size;
            this.storage = storage;
            this.buffers = ThreadLocal.withInitial(() -> new Buffers(model.hypotheses, layout.quantities, size, storage == null));
        }

        ChunkSums chunk(long index, UniformRandomProvider rng) {
            long start = index * size;
            int n = (int) Math.min(size, draws - start);
            int q = layout.quantities;
            DrawModel.Stream stream = model.stream(rng);
            Buffers buf = buffers.get();
            double[] post = buf.post;
            // exact mode: this chunk's rows of the storage; streaming mode: the thread's chunk buffers
            double[] vals = storage != null ? storage.values : buf.vals;
            double[] logW = storage != null ? storage.logW : buf.logW;
            int base = storage != null ? (int) start : 0;
            boolean importance = weighting == Weighting.IMPORTANCE;
            double ref = Double.NEGATIVE_INFINITY;
            for (int i = base; i < base + n; i++) {
                double logZ = stream.draw(post);
                if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
                    logW[i] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                layout.quantities(post, vals, i * q);
                double lw = importance ? logZ : 0;
                logW[i] = lw;
                if (lw > ref) {
                    ref = lw;
                }
            }
            ChunkSums s = new ChunkSums(q, storage == null);
            s.ref = ref;
            for (int i = base; i < base + n; i++) {
                if (logW[i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                s.finite++;
                double w = Math.exp(logW[i] - ref);
                double w2 = w * w;
                s.sumW += w;
                s.sumW2 += w2;
                int off = i * q;
                for (int j = 0; j < q; j++) {
                    double p = vals[off + j];
                    s.sumWp[j] += w * p;
                    s.sumW2p[j] += w2 * p;
                    s.sumW2p2[j] += w2 * p * p;
                    if (s.histogram != null) {
                        s.histogram[j * BINS + bin(p)] += w;
                    }
                }
                s.lead[layout.leadingHypothesis(vals, off)] += w;
                int lo = layout.leadingOutcome(vals, off);
                if (lo >= 0) {
                    s.lead[lo] += w;
                }
            }
            return s;
        }
    }

    static int bin(double p) {
        int b = (int) (p * BINS);
        return b < 0 ? 0 : Math.min(b, BINS - 1);
    }

    private static MonteCarloResult summarise(Case c, Layout layout, MonteCarloOptions options, ChunkSums t,
                                              Storage storage) {
        int q = layout.quantities;
        double ess = t.sumW * t.sumW / t.sumW2;
        double[] weights = null;
        if (storage != null) {
            weights = storage.logW;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.exp(weights[i] - t.ref);
            }
        }
        List<Interval> all = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            double mean = t.sumWp[j] / t.sumW;
            double var = t.sumW2p2[j] - 2 * mean * t.sumW2p[j] + mean * mean * t.sumW2;
            double mcse = Math.sqrt(Math.max(0, var)) / t.sumW;
            double[] qs = storage != null
                    ? WeightedQuantiles.exact(storage.values, j, q, weights, QUANTILES)
                    : WeightedQuantiles.histogram(t.histogram, j * BINS, BINS, QUANTILES);
            all.add(new Interval(mean, qs[1], qs[0], qs[2], t.lead[j] / t.sumW, mcse, ess));
        }
        int k = layout.hypotheses;
        List<String> warnings = new ArrayList<>();
        if (ess < ESS_WARNING_SHARE * options.draws()) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "effective sample size %.0f is below %.0f%% of the %d draws: the evidence is far from what the "
                            + "judgments' uncertainty expects; intervals are unreliable, use more draws or wider judgments",
                    ess, 100 * ESS_WARNING_SHARE, options.draws()));
        }
        if (t.finite < options.draws()) {
            warnings.add((options.draws() - t.finite) + " of " + options.draws()
                    + " draws ruled out every hypothesis and carry no weight");
        }
        return new MonteCarloResult(all.subList(0, k), all.subList(k, k + layout.outcomes),
                layout.noOutcome ? all.get(q - 1) : null, options, t.finite, ess, storage != null, warnings);
    }

    private static final double[] QUANTILES = {0.05, 0.5, 0.95};
}
