package org.deciban.inference.dynamics;

import org.deciban.testing.RandomCases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.deciban.inference.CaseModel;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.Judgments;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.testing.DriftOracle;

/**
 * The compiled model's drift filter (its posterior, and its evaluator of judgments at the stated
 * values, which Monte Carlo runs) against {@link DriftOracle}, an independent implementation: EJML
 * matrix products of T(dt) in linear space instead of the closed form f' = a f + (1 - a) pi in log
 * space, on random cases.
 */
class DriftModelProperties {

    /** Both compute the same steps with a few ulps of rounding each; 1e-12 is far above that. */
    static final double EXACT = 1e-12;
    /** log Z sums up to 40 per-date logs; 1e-10 as in {@link DriftFilterProperties}. */
    static final double LOG_EVIDENCE = 1e-10;

    @Property(tries = 300, seed = "20241105")
    void modelAndEvaluatorAreTheOracle(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 20) double drift) {
        Case c = RandomCases.of(seed, 40);
        DriftOracle.Result oracle = DriftOracle.run(c, drift, null);
        if (oracle.posterior() == null) {
            assertThrows(ImpossibleEvidenceException.class, () -> CaseModels.compile(c, drift, null));
            return;
        }
        CaseModel m = CaseModels.compile(c, drift, null);
        for (int k = 0; k < c.size(); k++) {
            assertEquals(oracle.posterior()[k], m.posterior().probabilities().get(k), EXACT, "hypothesis " + k);
        }
        assertEquals(oracle.logEvidence(), m.posterior().logEvidence(), LOG_EVIDENCE);

        Judgments j = m.judgments();
        double[] out = new double[c.size()];
        double logZ = m.evaluator().evaluate(j.statedTable(), null, drift, out);
        for (int k = 0; k < c.size(); k++) {
            assertEquals(oracle.posterior()[k], out[k], EXACT, "evaluator, hypothesis " + k);
        }
        assertEquals(oracle.logEvidence(), logZ, LOG_EVIDENCE);
    }
}
