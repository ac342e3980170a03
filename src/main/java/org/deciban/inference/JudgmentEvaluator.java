package org.deciban.inference;

/**
 * The question variable's posterior under judgments other than the stated ones: a Monte Carlo draw
 * (design step 5, N5), or a perturbation of {@code deciban test}. One per thread: it owns its buffers.
 */
public interface JudgmentEvaluator {

    /**
     * Computes the posterior under the given judgments.
     *
     * @param table item likelihoods in the layout of {@link Judgments} (every item's stated row,
     *              drawn or perturbed)
     * @param rows  the values of {@link Judgments#rows()}, in that order, each a probability vector;
     *              {@code null} for the stated values
     * @param drift the drift rate per year (the model's, or a draw of an uncertain rate)
     * @param out   receives the question variable's posterior, K entries
     * @return log P(e) under these judgments; -infinity when they rule out every state
     */
    double evaluate(double[] table, double[][] rows, double drift, double[] out);
}
