package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deciban.inference.CaseModel;
import org.deciban.inference.Posterior;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * The case as it stands beside the case with some items removed and others added.
 *
 * <p>The what-if case is compiled afresh: items are removed, the added items appended,
 * and the group weights w of design step 2 follow the new group sizes (an added item in an
 * existing group lowers the weight of that group's other items). Nothing is written anywhere.
 */
public final class WhatIf {

    private WhatIf() {
    }

    /**
     * Both posteriors.
     *
     * @param asItStands the case's posterior
     * @param whatIf     the posterior of the modified case
     * @param removed    ids removed
     * @param added      ids added
     */
    public record Comparison(Posterior asItStands, Posterior whatIf, List<String> removed, List<String> added) {
        public Comparison {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }
    }

    /** The ids among {@code ids} that are not items of the case, in the order given. */
    public static List<String> unknownIds(Case c, List<String> ids) {
        Set<String> known = new HashSet<>();
        c.evidence().forEach(e -> known.add(e.id()));
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The modified case.
     *
     * @throws IllegalArgumentException when an id to remove is not in the case, or an added item's id
     *                                  is still in the case after the removals
     */
    public static Case apply(Case c, List<String> without, List<EvidenceItem> with) {
        List<String> unknown = unknownIds(c, without);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no evidence item " + String.join(", ", unknown) + " in case " + c.id());
        }
        Set<String> drop = new HashSet<>(without);
        List<EvidenceItem> items = new ArrayList<>();
        for (EvidenceItem item : c.evidence()) {
            if (!drop.contains(item.id())) {
                items.add(item);
            }
        }
        Set<String> ids = new HashSet<>();
        items.forEach(e -> ids.add(e.id()));
        for (EvidenceItem e : with) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException(e.origin() + ": item id '" + e.id()
                        + "' is already in the case; remove the old one with --without " + e.id() + " or rename it");
            }
            items.add(e);
        }
        return c.withEvidence(items);
    }

    /** Compares the compiled case with its modification, compiled with the same drift rate. */
    public static Comparison compare(CaseModel m, List<String> without, List<EvidenceItem> with) {
        Case changed = apply(m.source(), without, with);
        Posterior after = CaseModels.compile(changed, m.drift(), null).posterior();
        return new Comparison(m.posterior(), after, without, with.stream().map(EvidenceItem::id).toList());
    }
}
