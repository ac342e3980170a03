package org.deciban.inference;

/**
 * The inner loop of the Monte Carlo engine: one draw's posterior from one draw's likelihood table
 * and log prior, on primitive arrays with caller-owned buffers.
 */
public interface PosteriorKernel {

    /**
     * Computes the posterior for a likelihood table (n rows of K stated likelihoods) and a log prior.
     *
     * @param table n rows of K likelihoods
     * @param logPi log prior, K entries
     * @param work  scratch of at least K entries
     * @param out   receives the posterior, K entries
     * @return log Z, the log evidence normaliser; -infinity when the evidence rules out every hypothesis
     */
    double posterior(double[] table, double[] logPi, double[] work, double[] out);
}
