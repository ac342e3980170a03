package org.deciban.report;

import java.util.List;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.Posterior;
import org.deciban.inference.VariableMarginal;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of a network case (design.md "Cases built as networks"): every variable's marginal, prior
 * to posterior, and the evidence ledger, whose items may be on any variable.
 */
public final class NetworkReport {

    /** Id of the page section of the variables table. */
    public static final String VARIABLES = "variables";

    private NetworkReport() {
    }

    /**
     * One row per state of every variable, in the network's order. Columns: variable, label, state,
     * prior, posterior, phrase (of the posterior); numbers at full precision.
     */
    public static Table variables(List<VariableMarginal> vs) {
        StringColumn variable = StringColumn.create("variable");
        StringColumn label = StringColumn.create("label");
        StringColumn state = StringColumn.create("state");
        DoubleColumn prior = DoubleColumn.create("prior");
        DoubleColumn post = DoubleColumn.create("posterior");
        StringColumn phrase = StringColumn.create("phrase");
        for (VariableMarginal v : vs) {
            for (int s = 0; s < v.states().size(); s++) {
                variable.append(v.id());
                label.append(v.label());
                state.append(v.states().get(s));
                prior.append(v.prior().get(s));
                post.append(v.posterior().get(s));
                phrase.append(Wording.phrase(v.posterior().get(s)));
            }
        }
        return Table.create("variables", variable, label, state, prior, post, phrase);
    }

    /**
     * The posterior table of {@link PosteriorTables#posterior} with one row per state of every variable
     * added (kind "state", id "variable=state"), for posterior.csv.
     */
    public static Table posteriorWithStates(Case c, Posterior p, List<VariableMarginal> vs) {
        Table t = PosteriorTables.posterior(c, p);
        for (VariableMarginal v : vs) {
            for (int s = 0; s < v.states().size(); s++) {
                t.stringColumn("kind").append("state");
                t.stringColumn("id").append(v.id() + "=" + v.states().get(s));
                t.stringColumn("label").append(v.label() + ": " + v.stateLabels().get(s));
                t.doubleColumn("prior").append(v.prior().get(s));
                t.doubleColumn("posterior").append(v.posterior().get(s));
                t.stringColumn("phrase").append(Wording.phrase(v.posterior().get(s)));
            }
        }
        return t;
    }

    /**
     * The evidence ledger of a network case, one row per item sorted by its largest absolute weight of
     * evidence (ties by id). Columns: id, on (the item's variable), date, category, source, reliability,
     * r, w, group, effective (the effective likelihood of each state of its variable, as text), then
     * db_&lt;h&gt; for every state h of the question variable (design.md N3).
     */
    public static Table evidence(Case c, Posterior p) {
        List<Integer> order = PosteriorTables.byWeight(c, p);
        StringColumn id = StringColumn.create("id");
        StringColumn on = StringColumn.create("on");
        StringColumn date = StringColumn.create("date");
        StringColumn category = StringColumn.create("category");
        StringColumn source = StringColumn.create("source");
        StringColumn code = StringColumn.create("reliability");
        DoubleColumn r = DoubleColumn.create("r");
        DoubleColumn w = DoubleColumn.create("w");
        StringColumn group = StringColumn.create("group");
        StringColumn effective = StringColumn.create("effective");
        int k = c.size();
        DoubleColumn[] db = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            db[h] = DoubleColumn.create("db_" + c.hypotheses().get(h).id());
        }
        for (int e : order) {
            EvidenceItem item = c.evidence().get(e);
            ItemWeight iw = p.items().get(e);
            List<String> states = c.variableOf(item).stateIds();
            id.append(item.id() + (item.observed() ? "" : " (absent)"));
            on.append(c.variableOf(item).id());
            date.append(item.date() == null ? "" : item.date().toString());
            category.append(item.category());
            source.append(item.source());
            code.append(item.reliabilityCode());
            r.append(item.reliability());
            w.append(iw.weight());
            group.append(item.group() == null ? "" : item.group());
            effective.append(Json.perStateText(states, iw.effective()));
            for (int h = 0; h < k; h++) {
                db[h].append(iw.decibans().get(h));
            }
        }
        Table t = Table.create("evidence", id, on, date, category, source, code, r, w, group, effective);
        t.addColumns(db);
        return t;
    }

    /** The page sections of a network case: the variables table, and what is not computed yet. */
    public static void addTo(HtmlReport page, List<VariableMarginal> vs) {
        HtmlReport.Section s = new HtmlReport.Section(VARIABLES, "Every variable, prior to posterior");
        s.paragraph("The network's variables: each state's probability under the network alone (prior) and given "
                + "the evidence (posterior), computed exactly by a junction tree.");
        s.table(variables(vs), "Marginals of " + vs.size() + " variables");
        page.addBefore(RunPage.HISTORY, s);
    }
}
