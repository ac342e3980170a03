package org.deciban.io;

import org.deciban.model.Network;
import org.deciban.model.Variable;

/** The variable an evidence item is on: its {@code on:} (checked against the case's network), or the question. */
final class ItemTarget {

    private ItemTarget() {
    }

    static Variable of(Fields v, String itemPath, String on, Network network, String questionVariable) {
        if (on == null) {
            return network.variable(questionVariable);
        }
        if (network.indexOf(on) < 0) {
            java.util.List<String> ids = network.variables().stream().map(Variable::id).toList();
            String listed = ids.size() <= 20 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 20)) + ", ... (" + ids.size() + " variables)";
            throw v.bad(itemPath + "/on", on, network.size() == 1
                    ? "leave on out: this case has one variable, the question (add variables: to the case file to use others)"
                    : "a variable of the case, one of " + listed + Suggest.didYouMean(on, ids));
        }
        return network.variable(on);
    }
}
