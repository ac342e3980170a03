/**
 * Which evidence carries a judgment, how fragile it is, and what to look for next: pure
 * functions of a {@link org.deciban.model.Case} built on the exact engine.
 *
 * <ul>
 * <li>{@link org.deciban.inference.sensitivity.Explain}: the ledger in date order with the running
 *     posterior, and the items that carry the leading hypothesis;</li>
 * <li>{@link org.deciban.inference.sensitivity.Sensitivity}: leave-one-out, tornado, prior
 *     neighbourhood and "what would it take";</li>
 * <li>{@link org.deciban.inference.sensitivity.WhatIf}: the case with items removed or added;</li>
 * <li>{@link org.deciban.inference.sensitivity.InformationGain}: expected information gain of
 *     candidate indicators.</li>
 * </ul>
 *
 * <p>Removing items always means the case without them, recomputed from scratch: the group sizes,
 * and so the dependence weights w of the remaining items of a group, change (design.md step 2). This
 * package reads no files and prints nothing.
 */
package org.deciban.inference.sensitivity;
