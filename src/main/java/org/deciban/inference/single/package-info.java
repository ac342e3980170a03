/**
 * The compiled model of a one-variable case: the question variable is the only variable, so the
 * posterior is the prior times the findings (design steps 1-4), filtered between observation dates
 * when the preference drifts (N4 without parents). Kept as a fast path behind
 * {@link org.deciban.inference.CaseModel}: it passes the same contract tests as the network engine.
 */
package org.deciban.inference.single;
