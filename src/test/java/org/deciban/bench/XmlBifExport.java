package org.deciban.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deciban.io.NetworkFile;
import org.deciban.model.Network;
import org.deciban.model.Variable;
import org.deciban.testing.NetworkQueries;

/**
 * For src/bench/run-network-bench.sh: writes a standard network in XMLBIF 0.3 (the format Weka reads), and
 * its two finding sets of shared/bench/network-queries.md, so a peer reads exactly what deciban reads.
 * Probabilities are written with 17 significant digits, so the peer's tables equal deciban's.
 *
 * <p>Usage: {@code XmlBifExport NETWORK_FILE NAME OUT.xml OUT.queries}
 */
public final class XmlBifExport {

    /** The DTD of XMLBIF 0.3, as JavaBayes and Weka write it. */
    private static final String DTD = "<!DOCTYPE BIF [\n"
            + "<!ELEMENT BIF ( NETWORK )*>\n<!ATTLIST BIF VERSION CDATA #REQUIRED>\n"
            + "<!ELEMENT NETWORK ( NAME, ( PROPERTY | VARIABLE | DEFINITION )* )>\n<!ELEMENT NAME (#PCDATA)>\n"
            + "<!ELEMENT VARIABLE ( NAME, ( OUTCOME | PROPERTY )* ) >\n"
            + "<!ATTLIST VARIABLE TYPE (nature|decision|utility) \"nature\">\n<!ELEMENT OUTCOME (#PCDATA)>\n"
            + "<!ELEMENT DEFINITION ( FOR | GIVEN | TABLE | PROPERTY )* >\n<!ELEMENT FOR (#PCDATA)>\n"
            + "<!ELEMENT GIVEN (#PCDATA)>\n<!ELEMENT TABLE (#PCDATA)>\n<!ELEMENT PROPERTY (#PCDATA)>\n]>\n";

    private XmlBifExport() {
    }

    public static void main(String[] args) throws IOException {
        Network net = NetworkFile.readNetwork(Path.of(args[0]));
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            // Weka's reader validates against the XMLBIF 0.3 DTD, so the export carries it (deciban's own reader
            // refuses any DOCTYPE; this file is for the peer only)
            w.write("<?xml version=\"1.0\"?>\n" + DTD + "<BIF VERSION=\"0.3\">\n<NETWORK>\n<NAME>" + args[1] + "</NAME>\n");
            for (Variable v : net.variables()) {
                w.write("<VARIABLE TYPE=\"nature\">\n<NAME>" + v.id() + "</NAME>\n");
                for (String s : v.stateIds()) {
                    w.write("<OUTCOME>" + s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</OUTCOME>\n");
                }
                w.write("</VARIABLE>\n");
            }
            for (Variable v : net.variables()) {
                w.write("<DEFINITION>\n<FOR>" + v.id() + "</FOR>\n");
                for (String p : v.parents()) {
                    w.write("<GIVEN>" + p + "</GIVEN>\n");
                }
                StringBuilder t = new StringBuilder("<TABLE>");
                for (double x : v.table().toArray()) {
                    t.append(String.format(Locale.ROOT, "%.17g ", x));
                }
                w.write(t.toString().trim() + "</TABLE>\n</DEFINITION>\n");
            }
            w.write("</NETWORK>\n</BIF>\n");
        }
        NetworkQueries.Sets sets = NetworkQueries.of(args[1]);
        Files.writeString(Path.of(args[3]), sets.a() + "\n" + sets.b() + "\n", StandardCharsets.UTF_8);
    }
}
