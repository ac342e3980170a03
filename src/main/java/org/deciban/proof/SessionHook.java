package org.deciban.proof;

import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every property of a run the session's seed and tries, and keeps the shrunk counterexample
 * of the overturning search.
 */
public final class SessionHook implements AroundPropertyHook {

    /** Registered on the property class, the hook applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        ProofSession s = ProofSession.current();
        context.attributes().setSeed(Long.toString(s.seed));
        context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        if (context.targetMethod().isAnnotationPresent(Property.class)) {
            context.attributes().setTries(context.targetMethod().getName().equals(CaseProperties.ORDER)
                    ? CaseProperties.orderTries(s.checks.tries(), s.subject.evidence().size()) : s.checks.tries());
        }
        PropertyExecutionResult result = property.execute();
        if (context.targetMethod().getName().equals(CaseProperties.OVERTURN)) {
            result.shrunkSample().map(x -> (FalsifiedSample) x).or(result::originalSample).ifPresent(sample -> {
                List<Object> params = sample.parameters();
                if (!params.isEmpty() && params.get(0) instanceof List) {
                    double[] table = s.judgments.statedTable();
                    for (Object o : (List<?>) params.get(0)) {
                        CaseProperties.Change c = (CaseProperties.Change) o;
                        if (c.position() != 0) {
                            double changed = s.judgments.at(c.judgment(), c.position());
                            table[c.judgment()] = changed;
                            s.counterexample.add(s.judgments.describe(c.judgment(), changed));
                        }
                    }
                    s.counterexampleTable = table;
                }
            });
        }
        return result;
    }
}
