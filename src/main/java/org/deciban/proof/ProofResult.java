package org.deciban.proof;

/**
 * The outcome of one property check.
 *
 * @param property what was checked, in words
 * @param verdict  PASS or FAIL; INFO for a search whose finding informs but decides nothing
 * @param detail   the figures behind the verdict, or why it failed
 */
public record ProofResult(String property, Verdict verdict, String detail) {

    /** How a check ended. */
    public enum Verdict { PASS, FAIL, INFO }
}
