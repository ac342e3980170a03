package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Assessment;

/**
 * The analyst's statement of analytic confidence ({@code assessment:}), in ICD 203's terms, beside and
 * never inside the probabilities: "Analytic confidence: low", then the reasons. For the terminal,
 * posterior.md, report.html and the JSON.
 */
public final class ConfidenceReport {

    /** The page section's id. */
    public static final String SECTION = "confidence";
    /** The section's heading. */
    public static final String HEADING = "Analytic confidence";

    private ConfidenceReport() {
    }

    /** "Analytic confidence (ICD 203): low. It is a judgment of the basis, separate from the probabilities." */
    static String line(Assessment a) {
        return "Analytic confidence (ICD 203): " + a.confidence().word() + ". This judges the basis of the "
                + "assessment (its sources, how much rests on judgment), separately from the probabilities above; "
                + "the reasons:";
    }

    /** Markdown lines (for posterior.md). */
    public static List<String> markdown(Assessment a) {
        List<String> md = new ArrayList<>();
        md.add("## " + HEADING + ": " + a.confidence().word());
        md.add("");
        md.add(Markdown.escape(line(a)));
        md.add("");
        a.reasons().forEach(r -> md.add("- " + Markdown.escape(r)));
        md.add("");
        return md;
    }

    /** The section for report.html. */
    public static HtmlReport.Section section(Assessment a) {
        HtmlReport.Section s = new HtmlReport.Section(SECTION, HEADING + ": " + a.confidence().word());
        s.paragraph(line(a));
        s.list(a.reasons());
        return s;
    }

    /** Terminal paragraphs (reasons start with "- "). */
    public static List<String> lines(Assessment a) {
        List<String> out = new ArrayList<>();
        out.add(line(a));
        a.reasons().forEach(r -> out.add("- " + r));
        return out;
    }

    /** Adds {@code "assessment": {"confidence", "reasons"}} to a JSON report. */
    public static void addTo(ObjectNode doc, Assessment a) {
        ObjectNode n = doc.putObject("assessment");
        n.put("confidence", a.confidence().word());
        ArrayNode r = n.putArray("reasons");
        a.reasons().forEach(r::add);
    }
}
