package org.deciban.inference;

import java.time.LocalDate;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * A case compiled once (design N1-N6). Every analysis asks this model (run, explain, sensitivity,
 * what-if, indicators, timeline, Monte Carlo, {@code deciban test}), so each formula lives in one
 * place and every analysis sees the figures {@code deciban run} reports.
 *
 * <p>The model holds the case's findings: item e on variable V_e enters as
 * lambda_e(v) = L'_e(v)^(w_e) ({@link EffectiveLikelihood}, group weights by {@link GroupWeights}),
 * and, when {@code settings.drift} &gt; 0, the question variable Q drifts between the dates of the
 * findings on it (design N4) up to the {@link #evaluationDate()}. Item indexes are positions in
 * {@code source().evidence()}; the question variable's states are the case's hypotheses.
 *
 * <p>The variations below answer one question each without recomputing the whole case, so an
 * analysis that asks one per item costs time linear in the items (implementations say how). Each
 * writes the question variable's posterior into {@code out} (K entries) and returns the log of
 * the evidence normaliser of the varied case, -infinity when its evidence rules out every state
 * ({@code out} is then undefined). Implementations are immutable and safe to share between threads.
 */
public interface CaseModel {

    /** The case it was compiled from. */
    Case source();

    /** The drift rate per year the model filters with (0: static). */
    double drift();

    /** The date the posterior is for: the case's as_of, else its latest item date; null when nothing has a date. */
    LocalDate evaluationDate();

    /** Number of states K of the question variable (the hypotheses). */
    int states();

    /**
     * The size of the exact engine's compiled junction tree (design N6); a one-variable case is one clique of
     * its K states.
     */
    TreeSize treeSize();

    /**
     * The size of a compiled junction tree.
     *
     * @param cliques      number of cliques
     * @param tableEntries entries of all clique tables together
     */
    record TreeSize(int cliques, long tableEntries) {
    }

    /**
     * The question variable's posterior with every item: prior (marginal), posterior, log evidence,
     * each item's weight of evidence (design N3), the per-outcome sums.
     */
    Posterior posterior();

    /** The prior and posterior marginal of every variable; the question variable alone for a one-variable case. */
    List<VariableMarginal> variables();

    /**
     * The case without some items; the remaining items of their groups take the weight of the
     * smaller group (design step 2), exactly as a case recompiled without them.
     *
     * @param items distinct item indexes
     */
    double without(int[] items, double[] out);

    /** The case with item e's stated likelihoods replaced (its reliability, absence and weight unchanged). */
    double withLikelihoods(int item, double[] likelihoods, double[] out);

    /**
     * The case with the question variable's base distribution replaced: for a root question variable
     * (every one-variable case) its prior becomes {@code base}, in the drift filter too; for a question
     * variable with parents every row of its table is tilted by base(k) / b(k) and renormalised, b its
     * stated base (the decibans form's base, else its prior marginal).
     */
    double withQuestionBase(double[] base, double[] out);

    /**
     * The case with one row of a variable's conditional table replaced by another probability vector
     * (a tornado bar over a table row). For a one-variable case the only row is the question's prior.
     *
     * @param variable the variable's id
     * @param row      the row's index in its table (0 for a root)
     * @param values   the new row, one probability per state of the variable
     */
    double withRow(String variable, int row, double[] values, double[] out);

    /**
     * The question variable's base distribution that {@link #withQuestionBase} replaces: its prior for a
     * root question variable, its decibans base or prior marginal otherwise. A fresh array.
     */
    double[] questionBase();

    /**
     * One more item, observed at the evaluation date with weight 1 (its group ignored): a branch of a
     * candidate indicator. {@code exp(result - posterior().logEvidence())} is the probability the
     * forecast gives to observing it.
     */
    double withAdded(EvidenceItem item, double[] out);

    /**
     * The forecast as the items arrive in the given order: entry i is the posterior at the evaluation
     * date of the case holding items order[0..i] (each with its weight in the whole case), so the last
     * entry is {@link #posterior()}. Linear in the items when the order is by observation date.
     */
    List<double[]> running(int[] order);

    /**
     * Every variable's marginals given hard findings (variable index in the case's network to state index),
     * with the case's items (and the question variable's drift) when {@code withEvidence}, else under the
     * network alone.
     *
     * @throws ImpossibleEvidenceException when the findings are impossible together
     */
    Marginals query(java.util.Map<Integer, Integer> given, boolean withEvidence);

    /**
     * Every variable's marginals under some findings.
     *
     * @param variables   each variable's prior (the network alone) and its marginal given the findings
     * @param logEvidence log P(findings)
     */
    record Marginals(List<VariableMarginal> variables, double logEvidence) {
        public Marginals {
            variables = List.copyOf(variables);
        }
    }

    /** The forward filter's posterior after each observation date, then at the evaluation date. */
    Timeline timeline();

    /** The case's uncertain judgments, for Monte Carlo, the tornado and {@code deciban test}. */
    Judgments judgments();

    /** A new evaluator of drawn judgments; one per thread. */
    JudgmentEvaluator evaluator();
}
