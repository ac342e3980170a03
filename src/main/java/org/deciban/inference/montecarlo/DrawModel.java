package org.deciban.inference.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deciban.inference.CaseModel;
import org.deciban.inference.JudgmentEvaluator;
import org.deciban.inference.Judgments;

/**
 * A compiled case set up for drawing: its uncertain judgments ({@link Judgments}: each uncertain
 * likelihood cell with its Beta shapes, each uncertain conditional row with its Dirichlet
 * parameters, the drift rate's spread) and the model that evaluates a draw. Immutable;
 * {@link #stream} binds it to a generator.
 *
 * <p>Per draw, in this order: every uncertain cell L ~ Beta(a, b) as X / (X + Y), X ~ Gamma(a),
 * Y ~ Gamma(b); every uncertain row ~ Dirichlet(c * row); the drift rate
 * drift * exp(spread * z), z standard normal, when the case gives a spread; then the model's
 * {@link JudgmentEvaluator} gives the draw's posterior and log P_s(e).
 */
final class DrawModel {

    final CaseModel model;
    final int hypotheses;
    private final double[] stated;
    private final int[] cells;
    private final double[] shapeA;
    private final double[] shapeB;
    private final double[][] dirichlet;
    private final double driftMedian;
    private final double driftSpread;

    private DrawModel(CaseModel model, Judgments j) {
        this.model = model;
        this.hypotheses = model.states();
        this.stated = j.statedTable();
        int n = 0;
        for (int i = 0; i < j.cells(); i++) {
            n += j.shapes(i) == null ? 0 : 1;
        }
        cells = new int[n];
        shapeA = new double[n];
        shapeB = new double[n];
        int at = 0;
        for (int i = 0; i < j.cells(); i++) {
            double[] ab = j.shapes(i);
            if (ab != null) {
                cells[at] = i;
                shapeA[at] = ab[0];
                shapeB[at] = ab[1];
                at++;
            }
        }
        dirichlet = new double[j.rows().size()][];
        for (int r = 0; r < dirichlet.length; r++) {
            dirichlet[r] = j.rows().get(r).dirichlet();
        }
        this.driftMedian = model.drift();
        this.driftSpread = j.driftSpread();
    }

    static DrawModel of(CaseModel model) {
        return new DrawModel(model, model.judgments());
    }

    /** Number of likelihood cells drawn per draw. */
    int uncertainCells() {
        return cells.length;
    }

    /** Number of Dirichlet row entries drawn per draw. */
    long rowCells() {
        long n = 0;
        for (double[] row : dirichlet) {
            n += row.length;
        }
        return n;
    }


    /** The draws bound to one generator, with their own buffers. */
    Stream stream(UniformRandomProvider rng) {
        return new Stream(rng);
    }

    /** One draw at a time: sample the judgments, then the model's evaluation. Not thread-safe; one per chunk. */
    final class Stream {
        private final ContinuousSampler[] gammaA;
        private final ContinuousSampler[] gammaB;
        private final DirichletRow[] rowSamplers;
        private final double[] table = stated.clone();
        private final double[][] rows;
        private final ContinuousSampler normal;
        private final JudgmentEvaluator evaluator = model.evaluator();

        private Stream(UniformRandomProvider rng) {
            int n = cells.length;
            gammaA = new ContinuousSampler[n];
            gammaB = new ContinuousSampler[n];
            for (int i = 0; i < n; i++) {
                gammaA[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shapeA[i], 1.0);
                gammaB[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shapeB[i], 1.0);
            }
            rowSamplers = new DirichletRow[dirichlet.length];
            rows = new double[dirichlet.length][];
            for (int r = 0; r < dirichlet.length; r++) {
                rowSamplers[r] = new DirichletRow(rng, dirichlet[r]);
                rows[r] = new double[dirichlet[r].length];
            }
            normal = driftSpread > 0 ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        }

        /**
         * Draws the judgments and computes the draw's posterior into {@code post}.
         *
         * @return log P_s(e); -infinity when the drawn evidence rules out every state
         */
        double draw(double[] post) {
            sampleJudgments();
            double drift = normal == null ? driftMedian : driftMedian * Math.exp(driftSpread * normal.sample());
            return evaluator.evaluate(table, rows, drift, post);
        }

        /** Draws the likelihood table and the rows of one draw (the random part alone). */
        void sampleJudgments() {
            for (int i = 0; i < cells.length; i++) {
                double x = gammaA[i].sample();
                double y = gammaB[i].sample();
                double l = x / (x + y);
                // x + y == 0 only when both gamma draws underflow (shapes far below 0.01): keep the stated value
                table[cells[i]] = l == l ? l : stated[cells[i]];
            }
            for (int r = 0; r < rows.length; r++) {
                rowSamplers[r].sampleInto(rows[r]);
            }
        }

        /** A checksum of the current table and rows, so a benchmark's draws cannot be optimised away. */
        double checksum() {
            double s = 0;
            for (int i = 0; i < cells.length; i++) {
                s += table[cells[i]];
            }
            return rows.length == 0 ? s : s + rows[0][0];
        }
    }
}
