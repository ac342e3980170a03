/**
 * Property checks of an analyst's case, run by {@code deciban test} through jqwik and the JUnit
 * Platform launcher.
 *
 * <p>This stage sits beside {@code inference}: it takes a loaded {@link org.deciban.model.Case},
 * recomputes its posterior under generated variations (other item orders, perturbed judgments)
 * and reports which properties hold. It knows no files and prints nothing; {@code cli} launches it
 * and {@code report} renders its results.
 */
package org.deciban.proof;
