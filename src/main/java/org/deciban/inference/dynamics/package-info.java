/**
 * Dynamics: preferences that change over time (a hidden Markov model over the hypotheses).
 *
 * <p>{@link org.deciban.inference.dynamics.DriftFilter} filters dated evidence forward through
 * the transition T(dt) = exp(-drift dt) I + (1 - exp(-drift dt)) 1 pi^T, whose stationary
 * distribution is the prior pi. With drift 0 the transition is the identity and the filtered
 * posterior is the static posterior of DESIGN step 3. Matrix work is done with EJML. This
 * package reads no files and prints nothing.
 */
package org.deciban.inference.dynamics;
