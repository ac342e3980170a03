package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A YAML scalar written without quotes that YAML reads as a boolean ({@code true}, {@code False})
 * or a number ({@code 1}, {@code 1e3}, {@code 010}), kept with the text as written.
 *
 * <p>The node answers as the boolean or number where a file expects one ({@link JsonNode#isNumber()},
 * {@link JsonNode#doubleValue()}), and as its text everywhere else: {@link JsonNode#asText()} and
 * binding to a {@code String} field give {@code "1e3"}, never {@code "1000.0"}. So an id, a state,
 * a label or a map key is the string the analyst wrote, whatever YAML would have made of it.
 */
interface PlainScalar {

    /** The scalar exactly as written in the file. */
    String text();

    /** A boolean with its text ({@code true}, {@code True}, ...). */
    static JsonNode bool(boolean value, String text) {
        return new Bool(value, text);
    }

    /** A whole number with its text ({@code 1}, {@code 010}, {@code +7}). */
    static JsonNode integer(BigInteger value, String text) {
        return new Integral(value, text);
    }

    /** A finite decimal number with its text ({@code 1e3}, {@code 0.50}). */
    static JsonNode decimal(BigDecimal value, String text) {
        return new Decimal(value, text);
    }

    /** A non-finite number ({@code .nan}, {@code .inf}) with its text; refused wherever a number is read. */
    static JsonNode nonFinite(double value, String text) {
        return new NonFinite(value, text);
    }

    /** A plain boolean scalar. */
    final class Bool extends BooleanNode implements PlainScalar {
        private static final long serialVersionUID = 1L;
        private final String text;

        Bool(boolean value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** A plain whole-number scalar. */
    final class Integral extends BigIntegerNode implements PlainScalar {
        private static final long serialVersionUID = 1L;
        private final String text;

        Integral(BigInteger value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** A plain decimal scalar. */
    final class Decimal extends DecimalNode implements PlainScalar {
        private static final long serialVersionUID = 1L;
        private final String text;

        Decimal(BigDecimal value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** A plain non-finite number. */
    final class NonFinite extends DoubleNode implements PlainScalar {
        private static final long serialVersionUID = 1L;
        private final String text;

        NonFinite(double value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public String asText() {
            return text;
        }
    }
}
