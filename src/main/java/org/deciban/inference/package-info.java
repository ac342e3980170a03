/**
 * Stage 3 of deciban: the engines that turn a {@link org.deciban.model.Case} into posteriors.
 *
 * <p>The exact engine follows design.md steps 1-4 and 6: reliability mixing
 * L'(k) = r L(k) + (1 - r) mean_j L(j), group weights w = n_eff / n with
 * n_eff = n / (1 + (n - 1) rho), the log-space posterior
 * log p(k) = log pi(k) + sum_e w_e log L'_e(k) - log Z, the weight of evidence in decibans
 * and the per-outcome sums. This package reads no files and prints nothing.
 */
package org.deciban.inference;
