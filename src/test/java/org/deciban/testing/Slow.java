package org.deciban.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A slow system test (about ten seconds or more on two cores): tagged {@code slow} for JUnit Jupiter and
 * for jqwik alike, so {@code mvn -B test -DexcludedGroups=slow} runs the fast suite alone. Plain
 * {@code mvn -B test} (and {@code .ci/run}) runs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@org.junit.jupiter.api.Tag("slow")
@net.jqwik.api.Tag("slow")
public @interface Slow {
}
