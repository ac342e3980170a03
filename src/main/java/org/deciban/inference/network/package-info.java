/**
 * Exact inference on a case's discrete Bayesian network (design.md "Cases built as networks", N1, N3, N6).
 *
 * <p><b>Compile once.</b> {@link org.deciban.inference.network.JunctionTree#compile} triangulates the moral
 * graph (the better of min-fill and min-weight greedy elimination, deterministic ties), builds the junction
 * tree of the maximal cliques (a maximum spanning tree on separator sizes), assigns each conditional table
 * to the smallest clique holding its family, and precomputes every index: clique offsets in one flat array,
 * separator maps (stored for cliques up to 2^18 entries, compressed odometer walks beyond) and each
 * variable's home clique. A clique over {@code settings.max_clique} doubles is refused
 * ({@link org.deciban.inference.network.CliqueTooLargeException}, naming its variables and size). The tree is
 * immutable and shared.
 *
 * <p><b>Numbers per workspace.</b> {@link org.deciban.inference.network.Propagation} (one per thread,
 * {@code tree.newPropagation()}) holds everything that changes: findings, replaced tables and the clique
 * tables. Its API is what later analyses (Monte Carlo, drift, sensitivity on networks) build on:
 * <ul>
 *   <li>(a) soft findings: {@code setFinding(v, lambda)}, {@code setLogFinding(v, logLambda)} (several items on
 *       one variable are summed in log space by the caller and entered once; the maximum is factored out and
 *       added to log P(e)), hard findings {@code setState(v, s)}, {@code retract(v)}, {@code retractAll()};
 *       nothing is recompiled;</li>
 *   <li>(b) {@code setTable(v, table)} replaces one variable's conditional table (a Dirichlet draw of its
 *       rows, or the question's rows after a drift filter) and recomputes only the initial table of the
 *       clique that holds its family; {@code setLogTable(v, logTable)} takes log T instead, for tables whose
 *       entries span more than the double range (the drifting question's rows, whose sizes P(dated findings | u)
 *       may differ by far more than e^745): an entry whose exp underflows sends the propagation to the log-space
 *       pass, which adds log T as given; {@code resetTable(v)} restores the network's table;</li>
 *   <li>(c) {@code propagate()} returns log P(e) (-infinity when the findings are impossible together), after
 *       which {@code marginal(v, out)} reads any variable's posterior from its home clique; every marginal
 *       comes from the one propagation;</li>
 *   <li>(d) any number of workspaces propagate in parallel over one tree; a propagation allocates nothing.</li>
 * </ul>
 * Propagation is Hugin's (collect to the root, distribute back) with every message normalised before it is
 * multiplied in and the logs of the normalisers summed. Bounds on every clique table's nonzero entries prove
 * that no product left the double range; when they cannot (evidence spanning more than the double range over
 * states the rest of the network may rule out, such as two items of likelihood 1e-300 on a variable's only
 * possible state), the propagation is redone in log space with log-sum-exp marginals. So thousands of
 * findings neither underflow nor lose precision, a tiny P(e) is never taken for 0, and log P(e) is exact.
 *
 * <p><b>A case.</b> {@link org.deciban.inference.network.CaseNetwork} compiles a case: item e on variable V_e
 * is the finding L'_e(v)^(w_e) (N1: reliability mixing and absence by
 * {@link org.deciban.inference.EffectiveLikelihood}, group weights by
 * {@link org.deciban.inference.GroupWeights}); it gives the question's posterior and prior marginal, every
 * variable's marginals ({@link org.deciban.inference.VariableMarginal}), log P(e), the per-outcome
 * sums and each item's weight of evidence by N3, and names a small set of items that are impossible together.
 *
 * <p><b>The compiled model.</b> {@link org.deciban.inference.network.NetworkModel} is the
 * {@link org.deciban.inference.CaseModel} of a network case, which
 * {@link org.deciban.inference.models.CaseModels} compiles every network case to: the variations every
 * analysis asks (an item left out, other likelihoods, another table row, one more item, the forecast as the
 * items arrive, the drift of the question variable by N4, Monte Carlo draws of rows and judgments) on one
 * compiled tree. One-variable cases keep the fast one-variable engine; the engine contract suite shows
 * both give the same figures on them.
 */
package org.deciban.inference.network;
