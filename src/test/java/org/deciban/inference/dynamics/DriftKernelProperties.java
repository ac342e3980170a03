package org.deciban.inference.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.deciban.inference.EvidenceMatrix;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;

/**
 * The Monte Carlo engine's array kernel of the drift filter against {@link DriftFilter} itself (an
 * independent implementation: EJML matrix products of T(dt) instead of the closed form
 * f' = a f + (1 - a) pi), on the stated likelihoods of random cases.
 */
class DriftKernelProperties {

    /** Both compute the same steps with a few ulps of rounding each; 1e-12 is far above that. */
    static final double EXACT = 1e-12;
    /** log Z sums up to 40 per-date logs in the same order; 1e-10 as in {@link DriftFilterProperties}. */
    static final double LOG_EVIDENCE = 1e-10;

    @Property(tries = 300, seed = "20241105")
    void kernelIsTheFilter(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 20) double drift) {
        Case c = RandomCases.of(seed, 40);
        Timeline filtered;
        try {
            filtered = DriftFilter.run(c, drift, null);
        } catch (ImpossibleEvidenceException e) {
            return;
        }
        EvidenceMatrix m = EvidenceMatrix.of(c);
        double[] out = new double[c.size()];
        double logZ = DriftKernel.of(c, m, drift).posterior(m.likelihoods(), m.logPrior(), new double[2 * c.size()], out);
        Posterior p = filtered.posterior();
        for (int k = 0; k < c.size(); k++) {
            assertEquals(p.probabilities().get(k), out[k], EXACT, "hypothesis " + k);
        }
        assertEquals(p.logEvidence(), logZ, LOG_EVIDENCE);
    }
}
