package org.deciban.cli;

import java.time.LocalDate;
import java.util.Map;
import org.deciban.inference.ExactEngine;
import org.deciban.inference.Posterior;
import org.deciban.inference.dynamics.DriftFilter;
import org.deciban.inference.network.CaseNetwork;
import org.deciban.inference.network.NetworkPosterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.report.TimelineReport;

/**
 * Chooses the engine of {@code deciban run}: the junction tree for a network case, else the static one
 * when settings.drift is 0 and the drift filter when it is not.
 */
final class DriftRun {

    private DriftRun() {
    }

    /**
     * A posterior and the engine that produced it.
     *
     * @param posterior the posterior as of the case's as_of
     * @param drift     the drift used (0: the static engine)
     */
    record Result(Posterior posterior, double drift, double spread, NetworkPosterior network) {

        Result(Posterior posterior, double drift, double spread) {
            this(posterior, drift, spread, null);
        }

        /** One sentence naming the engine, for the reports and the terminal. */
        String note() {
            if (network != null) {
                return network.engine();
            }
            return TimelineReport.engineNote(drift) + (spread == 0 ? "" : TimelineReport.spreadNote(drift, spread));
        }

        /** The rendered run files with the engine sentence added to posterior.md. */
        Map<String, String> annotate(Map<String, String> files) {
            files.computeIfPresent("posterior.md", (name, md) -> TimelineReport.withNote(md, note()));
            return files;
        }
    }

    /** The posterior of {@code deciban run}. */
    static Result posterior(Case c) {
        if (c.structured()) {
            CaseRun.requireNoNetworkDrift(c);
            NetworkPosterior net = CaseRun.network(c).posterior();
            return new Result(net.posterior(), 0, 0, net);
        }
        double drift = c.settings().drift();
        if (drift == 0) {
            return new Result(ExactEngine.run(c), 0, 0);
        }
        requireObservedBy(c, DriftFilter.evaluationDate(c, null), "the case's as_of");
        return new Result(DriftFilter.run(c, drift, null).posterior(), drift, c.settings().driftSpread());
    }

    /** Bad input when some item is dated after the evaluation date. */
    static void requireObservedBy(Case c, LocalDate end, String what) {
        if (end == null) {
            return;
        }
        for (EvidenceItem e : c.evidence()) {
            if (e.date() != null && e.date().isAfter(end)) {
                throw new BadInput(e.origin() + ": date: " + e.date() + ": item '" + e.id() + "' is dated after "
                        + what + " " + end + "; allowed: items dated on or before it when the drift filter runs "
                        + "(settings.drift > 0, or deciban timeline); to replay an earlier date use deciban timeline --as-of");
            }
        }
    }
}
