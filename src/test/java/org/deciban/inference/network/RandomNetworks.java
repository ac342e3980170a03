package org.deciban.inference.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.deciban.model.Case;
import org.deciban.model.ConditionalTable;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Network;
import org.deciban.model.Settings;
import org.deciban.model.State;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;
import org.deciban.testing.CaseArbitraries;

/**
 * Pure jqwik generators of network cases: 1-10 variables of 1-4 states (the joint capped at 2,048
 * configurations, so brute force stays quick), each with up to 3 parents among the variables before it,
 * random tables (6 decimals, some zeros, rows normalised; entries drawn from a pool of 257 numbers, read
 * cyclically), a random question variable, and 0-12 items on
 * random variables with likelihoods that include 0, 1 and 1e-300, reliabilities, groups and absent items.
 */
final class RandomNetworks {

    private RandomNetworks() {
    }

    record ItemDraw(int variable, List<Double> likelihoods, double reliability, String group, boolean observed) {
    }

    static Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 10).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(1, 4).list().ofSize(n),
                Arbitraries.integers().between(0, 99).list().ofSize(n * n),
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.doubles().between(0, 1).ofScale(6)),
                        Tuple.of(1, Arbitraries.just(0.0))).list().ofSize(257),
                Arbitraries.integers().between(0, n - 1),
                item(n).list().ofMaxSize(12),
                Arbitraries.doubles().between(0, 1).ofScale(4))
                .as((cards, coins, numbers, q, items, rho) -> build(capped(cards), coins, numbers, q, items, rho)));
    }

    static Arbitrary<ItemDraw> item(int n) {
        return Combinators.combine(
                Arbitraries.integers().between(0, n - 1),
                CaseArbitraries.edgyLikelihood().list().ofSize(4),
                CaseArbitraries.reliability(),
                CaseArbitraries.group(),
                Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
                .as(ItemDraw::new);
    }

    /** Cards lowered (largest first) until the joint has at most 2,048 configurations. */
    static List<Integer> capped(List<Integer> cards) {
        List<Integer> out = new ArrayList<>(cards);
        while (out.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b) > 2048) {
            int at = 0;
            for (int i = 1; i < out.size(); i++) {
                if (out.get(i) > out.get(at)) {
                    at = i;
                }
            }
            out.set(at, out.get(at) - 1);
        }
        return out;
    }

    static Case build(List<Integer> cards, List<Integer> coins, List<Double> numbers, int q, List<ItemDraw> draws,
                      double rho) {
        int n = cards.size();
        List<Variable> vs = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < n; i++) {
            List<String> parents = new ArrayList<>();
            for (int j = 0; j < i && parents.size() < 3; j++) {
                if (coins.get(i * n + j) < 35) {
                    parents.add("v" + j);
                }
            }
            int rows = 1;
            for (String p : parents) {
                rows *= cards.get(Integer.parseInt(p.substring(1)));
            }
            int k = cards.get(i);
            double[] t = new double[rows * k];
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    // a one-variable case's question table is its prior, which must be positive
                    t[r * k + s] = numbers.get(next++ % numbers.size()) + (n == 1 ? 0.01 : 0);
                    sum += t[r * k + s];
                }
                for (int s = 0; s < k; s++) {
                    t[r * k + s] = sum == 0 ? 1.0 / k : t[r * k + s] / sum;
                }
            }
            List<State> states = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                states.add(new State("s" + s, "state " + s));
            }
            vs.add(new Variable("v" + i, "variable " + i, states, parents, ConditionalTable.of(rows, k, t), null,
                    new TableForm.Rows("generated"), "generated:v" + i));
        }
        Network net = new Network(vs);
        Variable question = net.variable("v" + q);
        List<Hypothesis> hs = new ArrayList<>();
        for (State s : question.states()) {
            hs.add(new Hypothesis(s.id(), s.label(), s.id().equals("s0") ? "first" : null));
        }
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < draws.size(); e++) {
            ItemDraw d = draws.get(e);
            String on = "v" + d.variable();
            int k = net.variable(on).size();
            items.add(new EvidenceItem("e" + e, null, "other", "generated", d.reliability(), null, "", "",
                    d.likelihoods().subList(0, k), null, d.group(), d.observed(), "generated:e" + e, List.of(),
                    on.equals(question.id()) && e % 2 == 0 ? null : on));
        }
        Settings settings = new Settings(rho, Map.of(), Settings.DEFAULT_DRAWS, Settings.DEFAULT_SEED);
        boolean single = n == 1;
        return new Case("generated", "generated", null, hs, single ? new org.deciban.model.Prior(question.table().row(0), null) : null,
                settings, items, List.of(), net, question.id());
    }
}
