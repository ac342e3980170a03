package org.deciban.inference;

import org.deciban.inference.dynamics.DriftFilter;
import org.deciban.inference.dynamics.DriftKernel;
import org.deciban.model.Case;

/**
 * The posterior of a case as of its as_of date, by the engine its settings call for: the static
 * engine ({@link ExactEngine}, DESIGN steps 1-4) when {@code settings.drift} is 0, else forward
 * filtering with drift ({@link DriftFilter}). With drift 0 both give the same posterior (to 1e-12,
 * a property test), so every command that asks this class sees the figures {@code deciban run}
 * reports. A network case (more than one variable) goes to the junction tree
 * ({@link org.deciban.inference.network.CaseNetwork}, DESIGN N1 and N6); drift on a network (N4) is not
 * computed yet, and the commands refuse such a case before asking.
 */
public final class CasePosterior {

    private CasePosterior() {
    }

    /**
     * The posterior of a case.
     *
     * @throws ImpossibleEvidenceException when the evidence rules out every hypothesis
     */
    public static Posterior of(Case c) {
        if (c.structured()) {
            return org.deciban.inference.network.CaseNetwork.compile(c).posterior().posterior();
        }
        double drift = c.settings().drift();
        return drift == 0 ? ExactEngine.run(c) : DriftFilter.run(c, drift, null).posterior();
    }

    /**
     * The same choice of engine on primitive arrays, for loops that recompute the posterior many
     * times with another likelihood table or prior (Monte Carlo, prior sweeps). Its scratch buffer
     * must hold 2K entries.
     */
    public static PosteriorKernel kernel(Case c, EvidenceMatrix m) {
        double drift = c.settings().drift();
        return drift == 0 ? m : DriftKernel.of(c, m, drift);
    }
}
