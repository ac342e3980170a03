package org.deciban.testing;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** SVG text of the reports parsed as XML for tests: namespace-aware, a DOCTYPE refused. */
public final class Svg {

    private Svg() {
    }

    /** The root element of an SVG (or any XML) text. */
    public static Element parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
    }
}
