/**
 * Stage 2 of deciban: immutable values that describe a case.
 *
 * <p>A {@link org.deciban.model.Case} holds the question, the exclusive and exhaustive
 * hypotheses H_1..H_K, the prior pi over them, the settings, and the evidence items with
 * their likelihoods P(item | H_k), reliabilities and dependence groups. Every case is a discrete
 * Bayesian {@link org.deciban.model.Network} of {@link org.deciban.model.Variable}s, each with its
 * {@link org.deciban.model.ConditionalTable} and the {@link org.deciban.model.TableForm} it was
 * written in; a case without variables is the one-variable network of its question. Every value is
 * validated in its constructor and never changes after loading. This package depends on
 * nothing else of the project.
 */
package org.deciban.model;
