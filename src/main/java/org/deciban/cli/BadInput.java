package org.deciban.cli;

/** Bad input found by a command itself (a bad option value, an unsafe path): exit code 2. */
final class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
