/**
 * Dynamics: when evidence was observed, for preferences that change over time (design N4).
 *
 * <p>{@link org.deciban.inference.dynamics.DriftSchedule} groups a case's items by observation
 * date and gives the years between dates; the engines filter the question variable forward through
 * the transition T(dt) = exp(-drift dt) I + (1 - exp(-drift dt)) pi 1^T, whose stationary
 * distribution is the prior pi. With drift 0 the transition is the identity and the filtered
 * posterior is the static posterior of design step 3. This package reads no files and prints nothing.
 */
package org.deciban.inference.dynamics;
