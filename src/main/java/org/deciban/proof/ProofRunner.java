package org.deciban.proof;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.Checks;
import org.deciban.model.Icd203;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link CaseProperties} on one case with jqwik's engine through the JUnit Platform launcher.
 *
 * <p>jqwik's reports go to the platform, not to stdout, and its failure database lives in a
 * temporary file that is deleted afterwards, so a run writes nothing of its own.
 */
public final class ProofRunner {

    private static final Object LOCK = new Object();

    /** The checks in the order they are reported. */
    private static final List<String> ORDER = List.of("probabilityVector", "orderDoesNotMatter", "noDominantItem",
            "survives", CaseProperties.OVERTURN, "expectations");

    private ProofRunner() {
    }

    /**
     * The results of one run.
     *
     * @param results  one per property, in a fixed order
     * @param survival how the conclusion fared under random perturbations
     * @param overturn the smallest overturning change found, or null when none was found
     */
    public record Outcome(List<ProofResult> results, Survival survival, Overturn overturn) {

        public Outcome {
            results = List.copyOf(results);
        }

        /** Whether every PASS/FAIL check passed. */
        public boolean allPassed() {
            return results.stream().noneMatch(r -> r.verdict() == ProofResult.Verdict.FAIL);
        }

        /** The checks that failed. */
        public long failed() {
            return results.stream().filter(r -> r.verdict() == ProofResult.Verdict.FAIL).count();
        }
    }

    /**
     * Checks a case; {@code seed} seeds jqwik and the random perturbations.
     *
     * @param database where jqwik may keep its failure database for this run (a path that does not exist
     *                 yet, which the caller removes afterwards: this stage writes no file of its own)
     */
    public static Outcome run(Case subject, Checks checks, long seed, String database) {
        synchronized (LOCK) {
            ProofSession session = new ProofSession(subject, checks, seed);
            ProofSession.open(session);
            try {
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(CaseProperties.class))
                        .filters(EngineFilter.includeEngines("jqwik"))
                        .configurationParameter("jqwik.database", database)
                        .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                        .configurationParameter("jqwik.reporting.onlyfailures", "true")
                        .configurationParameter("jqwik.failures.runfirst", "false")
                        .build();
                Map<String, TestExecutionResult> results = new LinkedHashMap<>();
                Map<String, String> labels = new LinkedHashMap<>();
                Launcher launcher = LauncherFactory.create();
                launcher.execute(request, new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                                .ifPresent(m -> {
                                    results.put(m.getMethodName(), result);
                                    labels.put(m.getMethodName(), id.getDisplayName());
                                });
                    }
                });
                return new Outcome(collect(session, results, labels), session.survival, overturn(session));
            } finally {
                ProofSession.close();
            }
        }
    }

    private static Overturn overturn(ProofSession s) {
        double[] table = s.counterexampleTable;
        if (table == null || s.counterexample.isEmpty()) {
            return null;
        }
        int[] before = ProofSession.conclusion(s.posterior);
        double[] changed = new double[s.model.states()];
        s.model.evaluator().evaluate(table, null, s.model.drift(), changed);
        int[] after = ProofSession.conclusion(changed);
        return new Overturn(s.counterexample, s.subject.hypotheses().get(before[0]).id(), Icd203.values()[before[1]],
                s.subject.hypotheses().get(after[0]).id(), changed[after[0]], Icd203.values()[after[1]]);
    }

    private static List<ProofResult> collect(ProofSession s, Map<String, TestExecutionResult> results,
                                             Map<String, String> labels) {
        List<ProofResult> out = new ArrayList<>();
        for (String name : ORDER) {
            TestExecutionResult r = results.get(name);
            if (r == null) {
                throw new IllegalStateException("property " + name + " did not run");
            }
            boolean ok = r.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            String detail = s.details.getOrDefault(name, r.getThrowable().map(Throwable::getMessage).orElse(""));
            if (name.equals(CaseProperties.OVERTURN)) {
                String target = s.checks.bandMustSurvive() ? "the leader or its band" : "the leader";
                detail = ok ? "no change of judgments within their ranges overturns " + target + " in "
                        + count(s.checks.tries(), "try", "tries")
                        : "smallest change found: " + count(s.counterexample.size(), "judgment", "judgments")
                        + " (table below)";
                out.add(new ProofResult("smallest change of judgments that overturns " + target,
                        ProofResult.Verdict.INFO, detail));
            } else if (name.equals("survives") && s.survival != null) {
                out.addAll(survivalRows(s.survival));
            } else {
                if (!ok && r.getThrowable().isPresent() && !(r.getThrowable().get() instanceof AssertionError)) {
                    detail = "error: " + r.getThrowable().get();
                }
                out.add(new ProofResult(labels.get(name), ok ? ProofResult.Verdict.PASS : ProofResult.Verdict.FAIL, detail));
            }
        }
        return out;
    }

    /** Two rows: the leader's survival (a verdict), and its band's (a verdict only when the case demands it). */
    static List<ProofResult> survivalRows(Survival v) {
        String required = String.format(Locale.ROOT, "required: %.1f%%", 100 * v.required());
        ProofResult leader = new ProofResult("the leader survives perturbations of the judgments",
                v.leaderPasses() ? ProofResult.Verdict.PASS : ProofResult.Verdict.FAIL,
                String.format(Locale.ROOT, "'%s' leads in %d of %d tries (%.1f%%; %s)", v.leader(), v.leaderKept(),
                        v.tries(), 100 * v.leaderShare(), required));
        ProofResult band = new ProofResult("the leader's band survives perturbations of the judgments",
                !v.bandMustSurvive() ? ProofResult.Verdict.INFO
                        : v.bandPasses() ? ProofResult.Verdict.PASS : ProofResult.Verdict.FAIL,
                String.format(Locale.ROOT, "'%s' leads at '%s' in %d of %d tries (%.1f%%; %s)", v.leader(),
                        v.band().phrase(), v.bandKept(), v.tries(), 100 * v.bandShare(),
                        v.bandMustSurvive() ? required : "informative: set checks.band_must_survive: true to require it"));
        return List.of(leader, band);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
