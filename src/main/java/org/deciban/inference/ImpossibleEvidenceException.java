package org.deciban.inference;

/**
 * Evidence that no hypothesis can explain: one item whose effective likelihood is 0 under every
 * hypothesis, or items that together eliminate every hypothesis. This is bad input, not an
 * internal failure.
 */
public final class ImpossibleEvidenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImpossibleEvidenceException(String message) {
        super(message);
    }
}
