/**
 * Monte Carlo credible intervals of design.md step 5.
 *
 * <p>Per draw s the prior is drawn from Dirichlet(c pi) when the case states a concentration c,
 * and each stated likelihood L of an item with a confidence (or an interval) from
 * Beta(confidence L, confidence (1 - L)) (L of exactly 0 or 1 stays fixed); steps 1-3 then give
 * the draw's posterior p_s and log Z_s through the compiled model's {@link org.deciban.inference.JudgmentEvaluator}.
 * Draws are importance-weighted by Z_s, so the weighted distribution of p_s is the posterior
 * distribution of the "ideal" posterior and its weighted mean is the exact posterior (in
 * expectation, when no group has w &lt; 1). Draws run in fixed-size chunks, each with its own
 * stream jumped ahead in chunk order from one seeded generator, and chunk results are merged in chunk
 * order, so a seed gives the same figures to the last bit on any number of threads. This package
 * reads no files and prints nothing.
 */
package org.deciban.inference.montecarlo;
