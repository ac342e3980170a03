package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.network.CaseNetwork;
import org.deciban.inference.network.NetworkPosterior;
import org.deciban.io.CaseLoader;
import org.deciban.io.NetworkFile;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Network;
import org.deciban.model.Variable;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network cases end to end: the ceasefire fixture (src/test/resources/cases/ceasefire) read from YAML,
 * its decibans table and prior derived by hand, run, check and query through the CLI, BIF against
 * XMLBIF, thousands of findings, and findings impossible together.
 */
class NetworkCaseTest {

    static final double EXACT = 1e-12;

    static Case ceasefire(Path tmp) {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        return new CaseLoader(root).load("ceasefire");
    }

    /** N2 by hand: P(holds | u) = 0.5 * 10^(d/10) / (0.5 * 10^(d/10) + 0.5 * 10^(c/10)), d and c the decibans for holds and collapses. */
    static double holds(double dHolds, double dCollapses) {
        double h = 0.5 * Math.pow(10, dHolds / 10);
        double c = 0.5 * Math.pow(10, dCollapses / 10);
        return h / (h + c);
    }

    @Test
    void decibansTableAndPriorFollowN2ByHand(@TempDir Path tmp) {
        Case c = ceasefire(tmp);
        Variable outcome = c.network().variable("outcome");
        // parents [mediator (engaged, withdrawn), economy (strained, stable)], economy fastest
        assertEquals(holds(4 + 2, 0), outcome.table().get(0, 0), EXACT, "engaged, strained");
        assertEquals(holds(4, 0), outcome.table().get(1, 0), EXACT, "engaged, stable");
        assertEquals(holds(2, 3), outcome.table().get(2, 0), EXACT, "withdrawn, strained");
        assertEquals(holds(0, 3), outcome.table().get(3, 0), EXACT, "withdrawn, stable");
        // by hand: 0.4725 * 0.79924 + 0.2275 * 0.71525 + 0.2025 * 0.44270 + 0.0975 * 0.33386 = 0.66256
        double prior = 0.7 * 0.675 * holds(6, 0) + 0.7 * 0.325 * holds(4, 0) + 0.3 * 0.675 * holds(2, 3) + 0.3 * 0.325 * holds(0, 3);
        assertEquals(0.66256, prior, 1e-5);
        NetworkPosterior p = CaseNetwork.compile(c).posterior();
        assertEquals(prior, p.posterior().prior().get(0), EXACT);
        // "likely" stands for the midpoint of its ICD 203 band, (0.55 + 0.80) / 2
        assertEquals(0.675, c.network().variable("economy").table().get(0, 0), EXACT);
    }

    @Test
    void runWritesEveryVariableAndJsonCarriesThem(@TempDir Path tmp) throws Exception {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        Map<String, String> inputs = Tree.outsideReports(Tree.snapshot(root));
        Cli.Result r = Cli.run("run", "--root", root.toString(), "ceasefire", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode vs = doc.get("variables");
        assertEquals(4, vs.size());
        assertEquals("mediator", vs.get(0).get("id").asText());
        assertEquals("engaged", vs.get(0).get("states").get(0).get("id").asText());
        assertEquals(0.7, vs.get(0).get("states").get(0).get("prior").asDouble(), EXACT);
        assertEquals("pullback", doc.get("evidence").get(1).get("on").asText());
        assertTrue(doc.get("evidence").get(1).get("effective").has("seen"));
        assertTrue(doc.get("engine").asText().contains("junction tree"));
        String md = Tree.read(root.resolve("reports/ceasefire/posterior.md"));
        assertTrue(md.contains("## Every variable, prior to posterior") && md.contains("| pullback |"), md);
        String csv = Tree.read(root.resolve("reports/ceasefire/posterior.csv"));
        assertTrue(csv.contains("state,pullback=seen,"), csv);
        String html = Tree.read(root.resolve("reports/ceasefire/report.html"));
        assertTrue(html.contains("id=\"variables\"") && html.contains("id=\"sensitivity\""), "the page has every section");
        assertEquals(inputs, Tree.outsideReports(Tree.snapshot(root)), "inputs changed");
    }

    @Test
    void oneVariableJsonHasNoVariables(@TempDir Path tmp) throws Exception {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        Cli.Result r = Cli.run("run", "--root", root.toString(), "small", "--json", "--no-mc", "--no-write");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertFalse(doc.has("variables"));
        assertFalse(doc.get("evidence").get(0).has("on"));
    }

    @Test
    void queryPrintsMarginalsGivenFindingsAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        Map<String, String> before = Tree.snapshot(root);
        Cli.Result r = Cli.run("query", "--root", root.toString(), "outcome", "--given", "mediator=withdrawn", "--no-evidence", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode holds = doc.get("variables").get(0).get("states").get(0);
        // with the mediator withdrawn and no evidence: P(holds) = 0.675 holds(2, 3) + 0.325 holds(0, 3)
        assertEquals(0.675 * holds(2, 3) + 0.325 * holds(0, 3), holds.get("posterior").asDouble(), EXACT);
        assertEquals(Math.log(0.3), doc.get("log_evidence").asDouble(), EXACT);
        Cli.Result table = Cli.run("query", "--root", root.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("pullback") && table.out().contains("4 evidence items"), table.out());
        Cli.Result bad = Cli.run("query", "--root", root.toString(), "outcome", "--given", "outcome=hold");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean 'holds'"), bad.err());
        assertEquals(before, Tree.snapshot(root), "query wrote something");
    }

    @Test
    void checkNamesTheJunctionTreeItCompiled(@TempDir Path tmp) {
        // by hand: mediator and economy are parents of outcome, so moralising marries them; the cliques are
        // {mediator, economy, outcome} (2 x 2 x 2 = 8 entries) and {outcome, pullback} (2 x 2 = 4): 2 cliques, 12 entries
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        Cli.Result r = Cli.run("check", "--root", root.toString(), "ceasefire");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("ceasefire: valid: a network of 4 variables (junction tree of 2 "
                + "cliques, 12 table entries), question variable 'outcome' with 2 states"), r.out());
    }

    @Test
    void everyAnalysisCoversNetworkCasesFromTheSameModel(@TempDir Path tmp) throws java.io.IOException {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        JsonNode run = new ObjectMapper().readTree(Cli.run("run", "--root", root.toString(), "ceasefire", "--json",
                "--no-write").out());
        for (String command : List.of("explain", "sensitivity", "timeline")) {
            Cli.Result r = Cli.run(command, "--root", root.toString(), "ceasefire", "--no-write");
            assertEquals(0, r.code(), command + ": " + r.err());
        }
        Cli.Result t = Cli.run("test", "--root", root.toString(), "ceasefire", "--tries", "50");
        assertTrue(t.code() == 0 || t.code() == 1, "test gives a verdict: " + t.err());
        Cli.Result w = Cli.run("what-if", "--root", root.toString(), "ceasefire", "--without", "envoy-visit", "--no-write");
        assertEquals(0, w.code(), w.err());
        // the ledger's running posterior ends at run's posterior: one model under both
        JsonNode explain = new ObjectMapper().readTree(Cli.run("explain", "--root", root.toString(), "ceasefire",
                "--json", "--no-write").out());
        JsonNode ledger = explain.get("ledger");
        JsonNode last = ledger.get(ledger.size() - 1).get("running_posterior");
        assertEquals(run.get("hypotheses").get(0).get("posterior").asDouble(), last.get("holds").asDouble(), EXACT);
        assertEquals("pullback", ledger.get(1).get("on").asText());
        assertTrue(ledger.get(1).get("effective").has("seen"));
        assertFalse(Files.exists(root.resolve("reports")));
    }

    /** Hypotheses may label a network file's question states, named as in the file and in any order. */
    @Test
    void hypothesesLabelAFileQuestionInItsStateOrder(@TempDir Path tmp) {
        Path root = Tree.copyCase("netfile", tmp.resolve("project"));
        Tree.replaceOnce(root.resolve("priors/netfile.yaml"), "question_variable: Burglary",
                "question_variable: Burglary\nhypotheses:\n  - id: \"False\"\n    label: No burglary\n"
                        + "  - id: \"True\"\n    label: A burglary\n    outcome: Burglary");
        Case c = new CaseLoader(root).load("netfile");
        assertEquals(List.of("True", "False"), c.hypotheses().stream().map(h -> h.id()).toList());
        assertEquals("A burglary", c.hypotheses().get(0).label());
        assertEquals("Burglary", c.hypotheses().get(0).outcome());
    }

    @Test
    void bifAndXmlBifReadTheSameNetwork() {
        Path dir = Tree.resource("cases/netfile/priors");
        Network bif = NetworkFile.readNetwork(dir.resolve("tiny.bif"));
        Network xml = NetworkFile.readNetwork(dir.resolve("tiny.xml"));
        assertEquals(bif.size(), xml.size());
        for (int v = 0; v < bif.size(); v++) {
            assertEquals(bif.variable(v).id(), xml.variable(v).id());
            assertEquals(bif.variable(v).parents(), xml.variable(v).parents());
            assertEquals(bif.variable(v).table(), xml.variable(v).table());
        }
        // Alarm's row (Burglary = False, Quake = True), row index 1 * 2 + 0 = 2, as written in both files
        assertEquals(0.29, bif.variable("Alarm").table().get(2, 0), EXACT);
    }

    /**
     * 5,000 soft findings on one binary variable, each (0.3, 0.6): log P(e) = log(p 0.3^5000 + (1 - p) 0.6^5000)
     * with p = P(economy = strained) = 0.675, far below the smallest double, computed here by log-sum-exp.
     */
    @Test
    void thousandsOfFindingsGiveAFiniteExactLogEvidence(@TempDir Path tmp) {
        Case c = ceasefire(tmp);
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(new EvidenceItem("f" + i, null, "other", "", 1, null, "", "", List.of(0.3, 0.6), null, null, true,
                    "generated", List.of(), "economy"));
        }
        Case many = c.withEvidence(items);
        NetworkPosterior p = CaseNetwork.compile(many).posterior();
        double a = Math.log(0.675) + 5000 * Math.log(0.3);
        double b = Math.log(0.325) + 5000 * Math.log(0.6);
        double want = Math.max(a, b) + Math.log1p(Math.exp(Math.min(a, b) - Math.max(a, b)));
        assertTrue(Double.isFinite(p.posterior().logEvidence()));
        assertEquals(want, p.posterior().logEvidence(), 1e-12 * Math.abs(want));
        assertEquals(0.0, p.variables().get(1).posterior().get(0), 1e-300);
    }

    @Test
    void findingsImpossibleTogetherNameTheItems(@TempDir Path tmp) {
        Case c = ceasefire(tmp);
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.add(new EvidenceItem("seen-for-sure", null, "other", "", 1, null, "", "", List.of(1.0, 0.0), null, null, true,
                "evidence/x.yaml:1", List.of(), "pullback"));
        items.add(new EvidenceItem("unseen-for-sure", null, "other", "", 1, null, "", "", List.of(0.0, 1.0), null, null, true,
                "evidence/x.yaml:5", List.of(), "pullback"));
        ImpossibleEvidenceException e = org.junit.jupiter.api.Assertions.assertThrows(ImpossibleEvidenceException.class,
                () -> CaseNetwork.compile(c.withEvidence(items)).posterior());
        assertTrue(e.getMessage().contains("'seen-for-sure'") && e.getMessage().contains("'unseen-for-sure'"), e.getMessage());
        assertFalse(e.getMessage().contains("envoy-visit"), e.getMessage());
    }
}
