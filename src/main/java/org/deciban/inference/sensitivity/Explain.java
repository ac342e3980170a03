package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * The evidence ledger of a case and the items that carry its leading hypothesis.
 *
 * <p><b>Ledger.</b> Items in date order, undated items last (they are observed at the case's as_of),
 * ties in the case's item order. For each: its dependence weight w_e, effective likelihoods L'_e(k),
 * weight of evidence in decibans (design step 4 and N3, judged under the prior), its diagnosticity
 * max_k L'_e(k) / min_k L'_e(k) (+infinity when some L'_e(k) = 0; 1 means the item cannot tell the
 * hypotheses apart), and the running posterior after it: the forecast at the evaluation date of the
 * case holding this item and the ones before it, each with the w it has in the whole case, from the
 * same model as {@code deciban run} (drift included), so the last running posterior is the case's
 * posterior.
 *
 * <p><b>Carriers.</b> Let L be the leading hypothesis. The items whose removal lowers L's posterior
 * are ranked by how much (their leave-one-out shift, the figure of {@link Sensitivity#leaveOneOut};
 * largest fall first, ties by id). The top one, then the top two, then the top three (at most
 * {@link #MAX_REMOVED}) are removed, stopping early as soon as the leader changes; each step is the
 * case without those items (the remaining items of a group get the larger w of a smaller group).
 * Separately, the group whose removal as a whole lowers L's posterior most is removed.
 */
public final class Explain {

    /** At most this many items are removed in the carrier analysis. */
    public static final int MAX_REMOVED = 3;

    private Explain() {
    }

    /**
     * One line of the ledger.
     *
     * @param itemId           the item
     * @param caseIndex        its index in the case's item list
     * @param weight           dependence weight w_e
     * @param effective        L'_e(k)
     * @param decibans         weight of evidence for each hypothesis, in decibans
     * @param diagnosticity    max_k L'_e(k) / min_k L'_e(k)
     * @param runningPosterior posterior after this item and every item before it in the ledger
     */
    public record LedgerEntry(String itemId, int caseIndex, double weight, List<Double> effective,
                              List<Double> decibans, double diagnosticity, List<Double> runningPosterior) {
        public LedgerEntry {
            effective = List.copyOf(effective);
            decibans = List.copyOf(decibans);
            runningPosterior = List.copyOf(runningPosterior);
        }
    }

    /**
     * The case without some items.
     *
     * @param removed        ids of the removed items
     * @param group          the group removed as a whole, or {@code null} for a removal of single items
     * @param leader         index of the leader of the full case
     * @param leaderBefore   its posterior in the full case
     * @param posteriorAfter posterior of every hypothesis without the items
     * @param leaderAfter    index of the leader without the items
     */
    public record Removal(List<String> removed, String group, int leader, double leaderBefore,
                          List<Double> posteriorAfter, int leaderAfter) {
        public Removal {
            removed = List.copyOf(removed);
            posteriorAfter = List.copyOf(posteriorAfter);
        }

        /** The former leader's posterior without the items. */
        public double leaderAfterRemoval() {
            return posteriorAfter.get(leader);
        }

        /** Whether removing the items changes the leading hypothesis. */
        public boolean leaderChanged() {
            return leaderAfter != leader;
        }
    }

    /**
     * The explanation of a case.
     *
     * @param posterior the case's exact posterior
     * @param ledger    the ledger in date order
     * @param carriers  cumulative removals of the strongest items for the leader (possibly empty)
     * @param groups    removal of the group carrying the most weight for the leader (empty or one entry)
     */
    public record Explanation(Posterior posterior, List<LedgerEntry> ledger, List<Removal> carriers,
                              List<Removal> groups) {
        public Explanation {
            ledger = List.copyOf(ledger);
            carriers = List.copyOf(carriers);
            groups = List.copyOf(groups);
        }
    }

    /** Explains a compiled case. */
    public static Explanation of(CaseModel m) {
        Posterior p = m.posterior();
        return new Explanation(p, ledger(m), carriers(m), groups(m));
    }

    /** The ledger of a compiled case. */
    static List<LedgerEntry> ledger(CaseModel m) {
        Posterior p = m.posterior();
        int k = m.states();
        List<Integer> order = dateOrder(m.source().evidence());
        List<double[]> running = m.running(order.stream().mapToInt(Integer::intValue).toArray());
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int e = order.get(i);
            ItemWeight iw = p.items().get(e);
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double x : iw.effective()) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double diag = min == 0 ? Double.POSITIVE_INFINITY : max / min;
            List<Double> run = new ArrayList<>(k);
            for (double x : running.get(i)) {
                run.add(x);
            }
            out.add(new LedgerEntry(iw.itemId(), e, iw.weight(), iw.effective(), iw.decibans(), diag, run));
        }
        return out;
    }

    /** Item indexes by date, undated last, stable in the case's order. */
    public static List<Integer> dateOrder(List<EvidenceItem> items) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < items.size(); e++) {
            order.add(e);
        }
        order.sort(Comparator.comparing((Integer e) -> items.get(e).date(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return order;
    }

    static List<Removal> carriers(CaseModel m) {
        Case c = m.source();
        Posterior p = m.posterior();
        int lead = p.leader();
        List<Sensitivity.LeaveOneOut> loo = Sensitivity.leaveOneOut(m);
        List<Integer> favour = new ArrayList<>();
        for (int e = 0; e < loo.size(); e++) {
            if (loo.get(e).leaderShift() < 0) {
                favour.add(e);
            }
        }
        favour.sort(Comparator.<Integer>comparingDouble(e -> loo.get(e).leaderShift())
                .thenComparing(e -> c.evidence().get(e).id()));
        List<Removal> out = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_REMOVED, favour.size()); i++) {
            removed.add(favour.get(i));
            Removal r = without(m, removed, null);
            out.add(r);
            if (r.leaderChanged()) {
                break;
            }
        }
        return out;
    }

    static List<Removal> groups(CaseModel m) {
        Case c = m.source();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            String g = c.evidence().get(e).group();
            if (g != null) {
                members.computeIfAbsent(g, x -> new ArrayList<>()).add(e);
            }
        }
        Removal best = null;
        for (Map.Entry<String, List<Integer>> g : members.entrySet()) {
            Removal r = without(m, g.getValue(), g.getKey());
            double drop = r.leaderBefore() - r.leaderAfterRemoval();
            if (drop > 0 && (best == null || drop > best.leaderBefore() - best.leaderAfterRemoval())) {
                best = r;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /** The case without the given items (by index), compared with the full case. */
    public static Removal without(CaseModel m, List<Integer> items, String group) {
        Posterior full = m.posterior();
        double[] post = new double[m.states()];
        m.without(items.stream().mapToInt(Integer::intValue).toArray(), post);
        int lead = full.leader();
        int after = 0;
        List<Double> p = new ArrayList<>(post.length);
        for (int h = 0; h < post.length; h++) {
            p.add(post[h]);
            if (post[h] > post[after]) {
                after = h;
            }
        }
        List<String> ids = new ArrayList<>();
        items.forEach(e -> ids.add(m.source().evidence().get(e).id()));
        return new Removal(ids, group, lead, full.probabilities().get(lead), p, after);
    }
}
