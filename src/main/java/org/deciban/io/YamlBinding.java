package org.deciban.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Binds a {@link YamlDocument}'s tree to the records of {@link Dto} with unknown fields refused, and
 * with one rule for every text position: a {@code String} field, a map key or a list of strings gets
 * the scalar as written, so {@code id: 1e3}, {@code id: true} or {@code states: [yes, no]} are the
 * strings "1e3", "true", "yes" and "no" (see {@link PlainScalar}); a {@link JsonNode} field gets the
 * document's own nodes, texts included. A {@code Boolean} field takes {@code true}/{@code false} and
 * also the YAML 1.1 words {@code yes}/{@code no}/{@code on}/{@code off}, which the YAML layer reads as
 * text everywhere else.
 */
final class YamlBinding {

    /** Words a boolean field accepts (in any case), and what they mean. */
    static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");
    static final Set<String> FALSE_WORDS = Set.of("false", "no", "off");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("deciban-yaml")
                    .addDeserializer(JsonNode.class, new DocumentNodes())
                    .addDeserializer(Boolean.class, new Words()))
            .build();

    private YamlBinding() {
    }

    /** The node bound to {@code type}. */
    static <T> T bind(JsonNode node, Class<T> type) throws IOException {
        try (JsonParser p = new TextParser(node)) {
            return MAPPER.readValue(p, type);
        }
    }

    /** Walks a tree like Jackson's own walker, but gives a plain scalar's text as written. */
    private static final class TextParser extends TreeTraversingParser {

        TextParser(JsonNode node) {
            super(node, MAPPER);
        }

        @Override
        public String getText() {
            if (_currToken != null && _currToken.isScalarValue() && currentNode() instanceof PlainScalar s) {
                return s.text();
            }
            return super.getText();
        }

        JsonNode scalar() {
            return currentNode();
        }
    }

    /** A JsonNode field gets the document's nodes (with their texts), not copies rebuilt from tokens. */
    private static final class DocumentNodes extends StdDeserializer<JsonNode> {
        private static final long serialVersionUID = 1L;

        DocumentNodes() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!(p instanceof TextParser t)) {
                return ctxt.readTree(p);
            }
            return copy(t);
        }

        private static JsonNode copy(TextParser p) throws IOException {
            JsonNodeFactory nf = JsonNodeFactory.instance;
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.FIELD_NAME) {
                ObjectNode o = nf.objectNode();
                JsonToken next = t == JsonToken.FIELD_NAME ? t : p.nextToken();
                while (next == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, copy(p));
                    next = p.nextToken();
                }
                return o;
            }
            if (t == JsonToken.START_ARRAY) {
                ArrayNode a = nf.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(copy(p));
                }
                return a;
            }
            return p.scalar();
        }

        /** An explicit empty value ({@code field:} or {@code ~}) is a null node, as in Jackson's own reader. */
        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return NullNode.getInstance();
        }

        /** A field left out is Java's null. */
        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** A boolean field: true/false, or yes/no, on/off in any case. */
    private static final class Words extends StdDeserializer<Boolean> {
        private static final long serialVersionUID = 1L;

        Words() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE;
            }
            if (t == JsonToken.VALUE_STRING) {
                String w = p.getText().trim().toLowerCase(Locale.ROOT);
                if (TRUE_WORDS.contains(w)) {
                    return Boolean.TRUE;
                }
                if (FALSE_WORDS.contains(w)) {
                    return Boolean.FALSE;
                }
            }
            throw JsonMappingException.from(p, "Cannot read a Boolean from '" + p.getText() + "'");
        }
    }
}
