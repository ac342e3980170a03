package org.deciban.inference.models;

import java.time.LocalDate;
import org.deciban.inference.CaseModel;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.dynamics.DriftSchedule;
import org.deciban.inference.network.NetworkModel;
import org.deciban.inference.single.SingleVariableModel;
import org.deciban.model.Case;

/**
 * Compiles a case into its {@link CaseModel}: the one place that chooses an engine. A one-variable
 * case gets {@link SingleVariableModel}, a network case {@link NetworkModel}; the engine filters with the case's {@code settings.drift}
 * unless another rate is asked for.
 */
public final class CaseModels {

    private CaseModels() {
    }

    /**
     * The model of a case as of its own evaluation date, with its own drift.
     *
     * @throws ImpossibleEvidenceException when the evidence rules out every hypothesis
     */
    public static CaseModel compile(Case c) {
        return compile(c, c.settings().drift(), null);
    }

    /**
     * The model of a case with another drift rate, at a given evaluation date.
     *
     * @param drift drift rate per year, finite and &gt;= 0
     * @param at    the evaluation date, or {@code null} for the case's own; every item must be observed by then
     * @throws ImpossibleEvidenceException when the evidence rules out every hypothesis
     * @throws IllegalArgumentException    for a bad drift, or an item observed after {@code at}
     */
    public static CaseModel compile(Case c, double drift, LocalDate at) {
        return c.structured() ? NetworkModel.of(c, drift, at) : SingleVariableModel.of(c, drift, at);
    }

    /**
     * The forecast as it stood on a date: the case holding only the items observed by then (their
     * group weights those of the smaller case), filtered to that date.
     */
    public static CaseModel asOf(Case c, LocalDate date, double drift) {
        return compile(c.withEvidence(DriftSchedule.observedBy(c, date)), drift, date);
    }
}
