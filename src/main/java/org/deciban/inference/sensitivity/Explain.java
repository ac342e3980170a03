package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.deciban.inference.CasePosterior;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.LogSpace;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * The evidence ledger of a case and the items that carry its leading hypothesis.
 *
 * <p><b>Ledger.</b> Items in date order, undated items last, ties in the case's item order. For
 * each: its dependence weight w_e, effective likelihoods L'_e(k), weight of evidence in decibans
 * (DESIGN step 4, judged under the prior), its diagnosticity max_k L'_e(k) / min_k L'_e(k)
 * (+infinity when some L'_e(k) = 0; 1 means the item cannot tell the hypotheses apart), and the
 * running posterior after it: p_i(k) proportional to pi(k) prod_{e &lt;= i} L'_e(k)^{w_e}, each item
 * with the w it has in the whole case, so the last running posterior is the case's posterior.
 *
 * <p><b>Carriers.</b> Let L be the leading hypothesis. The items with a positive weight of evidence
 * for L are ranked by that weight (largest first, ties by id). The top one, then the top two, then
 * the top three (at most {@link #MAX_REMOVED}) are removed, stopping early as soon as the leader
 * changes; each step is the case without those items, recomputed from scratch (so the remaining
 * items of a group get the larger w of a smaller group), exactly as in leave-one-out. Separately,
 * the group whose items add up to the largest positive weight for L is removed as a whole.
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

    /** Explains a case. */
    public static Explanation of(Case c) {
        Posterior p = CasePosterior.of(c);
        return new Explanation(p, ledger(c, p), carriers(c, p), groups(c, p));
    }

    /** The ledger of a case with its posterior. */
    static List<LedgerEntry> ledger(Case c, Posterior p) {
        int k = c.size();
        List<Integer> order = dateOrder(c.evidence());
        double[] acc = c.prior().toArray();
        for (int h = 0; h < k; h++) {
            acc[h] = Math.log(acc[h]);
        }
        double[] running = new double[k];
        List<LedgerEntry> out = new ArrayList<>();
        for (int e : order) {
            ItemWeight iw = p.items().get(e);
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int h = 0; h < k; h++) {
                double x = iw.effective().get(h);
                acc[h] += iw.weight() * LogSpace.log(x);
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double diag = min == 0 ? Double.POSITIVE_INFINITY : max / min;
            double logZ = LogSpace.normaliseInto(acc, running);
            List<Double> run = new ArrayList<>(k);
            for (int h = 0; h < k; h++) {
                run.add(logZ == Double.NEGATIVE_INFINITY ? Double.NaN : running[h]);
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

    static List<Removal> carriers(Case c, Posterior p) {
        int lead = p.leader();
        List<Integer> favour = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            if (p.items().get(e).decibans().get(lead) > 0) {
                favour.add(e);
            }
        }
        favour.sort(Comparator.<Integer>comparingDouble(e -> -p.items().get(e).decibans().get(lead))
                .thenComparing(e -> c.evidence().get(e).id()));
        List<Removal> out = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_REMOVED, favour.size()); i++) {
            removed.add(c.evidence().get(favour.get(i)).id());
            Removal r = without(c, p, removed, null);
            out.add(r);
            if (r.leaderChanged()) {
                break;
            }
        }
        return out;
    }

    static List<Removal> groups(Case c, Posterior p) {
        int lead = p.leader();
        Map<String, Double> sum = new LinkedHashMap<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            String g = c.evidence().get(e).group();
            if (g != null) {
                sum.merge(g, p.items().get(e).decibans().get(lead), Double::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Double> g : sum.entrySet()) {
            if (g.getValue() > 0 && (best == null || g.getValue() > sum.get(best))) {
                best = g.getKey();
            }
        }
        if (best == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (EvidenceItem item : c.evidence()) {
            if (best.equals(item.group())) {
                ids.add(item.id());
            }
        }
        return List.of(without(c, p, ids, best));
    }

    /** The case without the given items, recomputed from scratch, compared with the full case. */
    public static Removal without(Case c, Posterior full, List<String> ids, String group) {
        Posterior after = CasePosterior.of(withoutItems(c, ids));
        int lead = full.leader();
        return new Removal(ids, group, lead, full.probabilities().get(lead), after.probabilities(), after.leader());
    }

    /** The case without the items of the given ids (ids not in the case are ignored). */
    public static Case withoutItems(Case c, List<String> ids) {
        Set<String> drop = new HashSet<>(ids);
        List<EvidenceItem> keep = new ArrayList<>();
        for (EvidenceItem item : c.evidence()) {
            if (!drop.contains(item.id())) {
                keep.add(item);
            }
        }
        return c.withEvidence(keep);
    }
}
