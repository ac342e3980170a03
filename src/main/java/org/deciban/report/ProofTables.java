package org.deciban.report;

import java.util.List;
import org.deciban.proof.ChangedJudgment;
import org.deciban.proof.ProofResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The tables of {@code deciban test}: verdict per property, and the shrunk counterexample. */
public final class ProofTables {

    private ProofTables() {
    }

    /** Columns: verdict, property, detail. */
    public static Table verdicts(List<ProofResult> results) {
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn property = StringColumn.create("property");
        StringColumn detail = StringColumn.create("detail");
        for (ProofResult r : results) {
            verdict.append(r.verdict().name());
            property.append(r.property());
            detail.append(r.detail());
        }
        return Table.create("test", verdict, property, detail);
    }

    /** Columns: item, hypothesis, stated, changed. */
    public static Table counterexample(List<ChangedJudgment> changes) {
        StringColumn item = StringColumn.create("item");
        StringColumn hypothesis = StringColumn.create("hypothesis");
        DoubleColumn stated = DoubleColumn.create("stated likelihood");
        DoubleColumn changed = DoubleColumn.create("changed likelihood");
        for (ChangedJudgment c : changes) {
            item.append(c.itemId());
            hypothesis.append(c.hypothesis());
            stated.append(c.stated());
            changed.append(c.changed());
        }
        return Table.create("counterexample", item, hypothesis, stated, changed);
    }
}
