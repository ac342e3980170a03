package org.deciban.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.deciban.model.Variable;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a network in XMLBIF 0.3, the format pgmpy and Weka write:
 * {@code <BIF><NETWORK><VARIABLE TYPE="nature"><NAME/><OUTCOME/>...</VARIABLE>
 * <DEFINITION><FOR/><GIVEN/>...<TABLE/></DEFINITION></NETWORK></BIF>}. A TABLE lists, for each
 * combination of the GIVEN variables' states (the first GIVEN varying slowest), the probabilities of the
 * FOR variable's states: the order of {@link org.deciban.model.ConditionalTable}.
 *
 * <p>Parsed by the JDK's SAX parser with secure processing on and DOCTYPE declarations refused
 * (so no DTD, internal or external, and no entity is ever read or expanded); external entities and
 * external DTDs are off as well. A file with a DOCTYPE is refused with a line saying so. Tags are
 * matched without regard to case; PROPERTY elements are skipped. Every defect is one
 * {@link InputException} naming the file and line.
 */
final class XmlBifReader {

    private XmlBifReader() {
    }

    /** The variables of an XMLBIF text, in declaration order. */
    static List<Variable> read(String file, byte[] bytes) {
        NetworkTables tables = new NetworkTables(file, "XMLBIF");
        Handler h = new Handler(file, tables);
        try {
            SAXParser parser = factory().newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.parse(new ByteArrayInputStream(bytes), h);
        } catch (SAXParseException e) {
            if (e.getCause() instanceof InputException ie) {
                throw ie;
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("DOCTYPE")) {
                throw new InputException(file, e.getLineNumber(), null, "<!DOCTYPE ...>", "allowed: XMLBIF without a "
                        + "DOCTYPE declaration (DTDs and entities are refused for safety); delete the <!DOCTYPE ...> block");
            }
            throw new InputException(file, e.getLineNumber(), null, null, "malformed XML: " + msg);
        } catch (SAXException e) {
            if (e.getCause() instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file, 0, null, null, "malformed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new InputException(file, 0, null, null, "cannot read XML: " + e.getMessage());
        }
        return tables.variables();
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    /** Collects VARIABLE and DEFINITION elements; tables are built once every variable is declared. */
    private static final class Handler extends DefaultHandler {

        private final String file;
        private final NetworkTables tables;
        private final List<Definition> definitions = new ArrayList<>();
        private final List<String> path = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private String name;
        private List<String> outcomes;
        private int startLine;
        private Definition def;
        private int propertyDepth;

        private record Definition(String child, List<String> given, String table, int line, int tableLine) {
        }

        Handler(String file, NetworkTables tables) {
            this.file = file;
            this.tables = tables;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            String tag = qName.toUpperCase(Locale.ROOT);
            path.add(tag);
            text.setLength(0);
            if (tag.equals("PROPERTY")) {
                propertyDepth++;
            }
            if (propertyDepth > 0) {
                return;
            }
            if (tag.equals("VARIABLE")) {
                name = null;
                outcomes = new ArrayList<>();
                startLine = line();
                String type = atts.getValue("TYPE");
                if (type != null && !type.equalsIgnoreCase("nature")) {
                    fail(new InputException(file, line(), "VARIABLE TYPE", type,
                            "allowed: nature (chance variables); decision and utility nodes are not supported"));
                }
            } else if (tag.equals("DEFINITION") || tag.equals("PROBABILITY")) {
                def = new Definition(null, new ArrayList<>(), null, line(), 0);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
            if (text.length() > NetworkBytes.MAX_TEXT_BYTES) {
                text.setLength(0);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            String tag = qName.toUpperCase(Locale.ROOT);
            String body = text.toString().trim();
            text.setLength(0);
            path.remove(path.size() - 1);
            if (tag.equals("PROPERTY")) {
                propertyDepth--;
                return;
            }
            if (propertyDepth > 0) {
                return;
            }
            String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
            try {
                if (parent.equals("VARIABLE") && tag.equals("NAME")) {
                    name = body;
                } else if (parent.equals("VARIABLE") && (tag.equals("OUTCOME") || tag.equals("VALUE"))) {
                    outcomes.add(body);
                    if (outcomes.size() > NetworkTables.MAX_STATES) {
                        throw new InputException(file, line(), "VARIABLE " + name, "more than " + NetworkTables.MAX_STATES
                                + " states", "allowed: at most " + NetworkTables.MAX_STATES + " states per variable");
                    }
                } else if (tag.equals("VARIABLE")) {
                    if (name == null || name.isEmpty()) {
                        throw new InputException(file, startLine, "VARIABLE", "(no NAME)", "allowed: a VARIABLE with a NAME");
                    }
                    tables.declare(name, outcomes, startLine);
                } else if (def != null && tag.equals("FOR")) {
                    def = new Definition(body, def.given(), def.table(), def.line(), def.tableLine());
                } else if (def != null && tag.equals("GIVEN")) {
                    def.given().add(body);
                    if (def.given().size() > NetworkTables.MAX_PARENTS) {
                        throw new InputException(file, line(), "DEFINITION " + def.child(), "more than "
                                + NetworkTables.MAX_PARENTS + " GIVEN", "allowed: at most " + NetworkTables.MAX_PARENTS
                                + " parents per variable");
                    }
                } else if (def != null && tag.equals("TABLE")) {
                    def = new Definition(def.child(), def.given(), body, def.line(), line());
                } else if (tag.equals("DEFINITION") || tag.equals("PROBABILITY")) {
                    if (def.child() == null || def.child().isEmpty()) {
                        throw new InputException(file, def.line(), "DEFINITION", "(no FOR)", "allowed: a DEFINITION with a FOR variable");
                    }
                    if (def.table() == null) {
                        throw new InputException(file, def.line(), "DEFINITION " + def.child(), "(no TABLE)",
                                "allowed: a DEFINITION with a TABLE of probabilities");
                    }
                    definitions.add(def);
                    def = null;
                }
            } catch (InputException e) {
                fail(e);
            }
        }

        @Override
        public void endDocument() throws SAXException {
            try {
                for (Definition d : definitions) {
                    build(d);
                }
            } catch (InputException e) {
                fail(e);
            }
        }

        private void build(Definition d) {
            int rows = tables.rowsOf(d.child(), d.given(), d.line());
            int k = tables.states(d.child());
            String[] parts = d.table().isEmpty() ? new String[0] : d.table().split("[\\s,]+");
            long need = (long) rows * k;
            if (parts.length != need) {
                throw new InputException(file, d.tableLine(), "DEFINITION " + d.child() + " TABLE", parts.length + " numbers",
                        "allowed: exactly " + need + " probabilities (" + rows + " rows of " + k + ")");
            }
            double[] values = new double[(int) need];
            for (int i = 0; i < values.length; i++) {
                values[i] = tables.probability(parts[i], d.tableLine(), d.child());
            }
            boolean[] given = new boolean[rows];
            int[] rowLines = new int[rows];
            java.util.Arrays.fill(given, true);
            java.util.Arrays.fill(rowLines, d.tableLine());
            tables.table(d.child(), d.given(), values, given, rowLines, d.line());
        }

        private static void fail(InputException e) throws SAXException {
            throw new SAXException(e.getMessage(), e);
        }
    }
}
