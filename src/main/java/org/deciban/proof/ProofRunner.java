package org.deciban.proof;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.Checks;
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
     * @param results        one per property, in a fixed order
     * @param counterexample the smallest overturning change found, empty when none was found
     */
    public record Outcome(List<ProofResult> results, List<ChangedJudgment> counterexample) {

        public Outcome {
            results = List.copyOf(results);
            counterexample = List.copyOf(counterexample);
        }

        /** Whether every PASS/FAIL check passed. */
        public boolean allPassed() {
            return results.stream().noneMatch(r -> r.verdict() == ProofResult.Verdict.FAIL);
        }
    }

    /** Checks a case; {@code seed} seeds jqwik and the random perturbations. */
    public static Outcome run(Case subject, Checks checks, long seed) {
        synchronized (LOCK) {
            ProofSession session = new ProofSession(subject, checks, seed);
            Path database = null;
            ProofSession.open(session);
            try {
                database = Files.createTempFile("deciban-jqwik-", ".db");
                Files.delete(database);
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(CaseProperties.class))
                        .filters(EngineFilter.includeEngines("jqwik"))
                        .configurationParameter("jqwik.database", database.toString())
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
                return new Outcome(collect(session, results, labels), session.counterexample);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create jqwik's temporary database", e);
            } finally {
                ProofSession.close();
                if (database != null) {
                    try {
                        Files.deleteIfExists(database);
                    } catch (IOException ignored) {
                        // a temporary file left behind in the system's temp folder harms nothing
                    }
                }
            }
        }
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
                detail = ok ? "no overturning change found in " + s.checks.tries() + " tries"
                        : "smallest overturning change found: " + s.counterexample.size() + " judgment"
                        + (s.counterexample.size() == 1 ? "" : "s") + " (table below)";
                out.add(new ProofResult(labels.get(name), ProofResult.Verdict.INFO, detail));
            } else {
                if (!ok && r.getThrowable().isPresent() && !(r.getThrowable().get() instanceof AssertionError)) {
                    detail = "error: " + r.getThrowable().get();
                }
                out.add(new ProofResult(labels.get(name), ok ? ProofResult.Verdict.PASS : ProofResult.Verdict.FAIL, detail));
            }
        }
        return out;
    }
}
