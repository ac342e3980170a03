package org.deciban.inference.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deciban.inference.EvidenceMatrix;
import org.deciban.inference.PosteriorKernel;
import org.deciban.inference.CasePosterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Settings;
import org.deciban.inference.dynamics.DriftKernel;

/**
 * A case compiled for drawing: the stated likelihood table, the uncertain cells with their Beta
 * shapes, and the Dirichlet parameters of the prior. Immutable; {@link #stream} binds it to a
 * generator and gives the per-draw kernel.
 */
final class DrawModel {

    final EvidenceMatrix matrix;
    /** Steps 1-3 of one draw: the static posterior, or the drift filter when settings.drift > 0. */
    final PosteriorKernel kernel;
    final int hypotheses;
    private final double[] stated;
    private final int[] cells;
    private final double[] shapeA;
    private final double[] shapeB;
    private final double[] logPrior;
    private final double[] dirichlet;
    /** The drift filter when the drift rate is uncertain (settings.drift_spread > 0), else null. */
    private final DriftKernel uncertainDrift;
    private final double driftMedian;
    private final double driftSpread;

    private DrawModel(EvidenceMatrix matrix, PosteriorKernel kernel, double[] stated, int[] cells, double[] shapeA, double[] shapeB,
                      double[] logPrior, double[] dirichlet, Settings settings) {
        this.matrix = matrix;
        this.kernel = kernel;
        this.hypotheses = matrix.hypotheses();
        this.stated = stated;
        this.cells = cells;
        this.shapeA = shapeA;
        this.shapeB = shapeB;
        this.logPrior = logPrior;
        this.dirichlet = dirichlet;
        this.driftSpread = settings.driftSpread();
        this.driftMedian = settings.drift();
        this.uncertainDrift = driftSpread > 0 ? (DriftKernel) kernel : null;
    }

    static DrawModel of(Case c, EvidenceMatrix m) {
        int k = c.size();
        double[] stated = m.likelihoods();
        List<double[]> uncertain = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            EvidenceItem item = c.evidence().get(e);
            for (int h = 0; h < k; h++) {
                double[] ab = BetaJudgment.shapes(item, h);
                if (ab != null) {
                    uncertain.add(new double[] {e * k + h, ab[0], ab[1]});
                }
            }
        }
        int n = uncertain.size();
        int[] cells = new int[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            cells[i] = (int) uncertain.get(i)[0];
            a[i] = uncertain.get(i)[1];
            b[i] = uncertain.get(i)[2];
        }
        double[] dirichlet = null;
        if (c.prior().concentration() != null) {
            dirichlet = c.prior().toArray();
            for (int h = 0; h < k; h++) {
                dirichlet[h] *= c.prior().concentration();
            }
        }
        PosteriorKernel kernel = CasePosterior.kernel(c, m);
        return new DrawModel(m, kernel, stated, cells, a, b, m.logPrior(), dirichlet, c.settings());
    }

    /** Number of likelihood cells drawn per draw. */
    int uncertainCells() {
        return cells.length;
    }

    /** Whether the prior is drawn. */
    boolean drawsPrior() {
        return dirichlet != null;
    }

    /** The kernel bound to one generator, with its own buffers. */
    Stream stream(UniformRandomProvider rng) {
        return new Stream(rng);
    }

    /** One draw at a time: sample the judgments, then steps 1-3. Not thread-safe; one per chunk. */
    final class Stream {
        private final ContinuousSampler[] gammaA;
        private final ContinuousSampler[] gammaB;
        private final DirichletSampler prior;
        private final double[] table = stated.clone();
        private final double[] logPi = logPrior.clone();
        private final double[] work = new double[2 * hypotheses];
        private final ContinuousSampler normal;
        private final double[] carries;

        private Stream(UniformRandomProvider rng) {
            int n = cells.length;
            gammaA = new ContinuousSampler[n];
            gammaB = new ContinuousSampler[n];
            for (int i = 0; i < n; i++) {
                gammaA[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shapeA[i], 1.0);
                gammaB[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, shapeB[i], 1.0);
            }
            prior = dirichlet == null ? null : DirichletSampler.of(rng, dirichlet);
            normal = uncertainDrift == null ? null : ZigguratSampler.NormalizedGaussian.of(rng);
            carries = uncertainDrift == null ? null : new double[uncertainDrift.dates()];
        }

        /**
         * Draws the judgments and computes the draw's posterior into {@code post}.
         *
         * @return log Z_s; -infinity when the drawn evidence rules out every hypothesis
         */
        double draw(double[] post) {
            sampleJudgments();
            if (uncertainDrift != null) {
                double drift = driftMedian * Math.exp(driftSpread * normal.sample());
                return uncertainDrift.posterior(table, logPi, drift, carries, work, post);
            }
            return kernel.posterior(table, logPi, work, post);
        }

        /** Draws the likelihood table and the prior of one draw (the random part alone). */
        void sampleJudgments() {
            for (int i = 0; i < cells.length; i++) {
                double x = gammaA[i].sample();
                double y = gammaB[i].sample();
                double l = x / (x + y);
                // x + y == 0 only when both gamma draws underflow (shapes far below 0.01): keep the stated value
                table[cells[i]] = l == l ? l : stated[cells[i]];
            }
            if (prior != null) {
                double[] pi = prior.sample();
                for (int h = 0; h < hypotheses; h++) {
                    logPi[h] = Math.log(pi[h]);
                }
            }
        }

        /** A checksum of the current table and prior, so a benchmark's draws cannot be optimised away. */
        double checksum() {
            double s = 0;
            for (int i = 0; i < cells.length; i++) {
                s += table[cells[i]];
            }
            return s + logPi[0];
        }
    }
}
