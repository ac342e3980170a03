package org.deciban.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deciban.model.InputFile;
import org.deciban.model.Variable;

/**
 * A network file named by a case ({@code network: FILE}): a path under {@code priors/}, in BIF or
 * XMLBIF (told apart by the first character of the text: {@code <} is XML), gzipped when its name
 * ends in {@code .gz}, read within the limits of {@link NetworkBytes}.
 */
public final class NetworkFile {

    private NetworkFile() {
    }

    /**
     * Reads a network file on its own (not through a case), e.g. for benchmarks and tools: BIF or
     * XMLBIF, gzipped when the name ends in .gz, within the same limits and checks as a case's file.
     *
     * @throws InputException for any defect of the file, naming it as given
     */
    public static org.deciban.model.Network readNetwork(Path file) {
        String name = file.toString().replace('\\', '/');
        NetworkBytes.Read bytes = NetworkBytes.read(name, file);
        return build(name, variables(name, bytes.text()));
    }

    private static org.deciban.model.Network build(String name, List<Variable> variables) {
        try {
            return new org.deciban.model.Network(variables);
        } catch (org.deciban.model.NetworkException e) {
            Variable at = variables.stream().filter(x -> x.id().equals(e.variable())).findFirst().orElseThrow();
            int colon = at.origin().lastIndexOf(':');
            throw new InputException(name, Integer.parseInt(at.origin().substring(colon + 1)),
                    "variable " + e.variable() + " " + e.field(), e.value(), "allowed: " + e.allowed());
        }
    }

    private static List<Variable> variables(String name, byte[] text) {
        String decoded = Utf8Text.decode(name, text);
        int first = 0;
        while (first < decoded.length() && Character.isWhitespace(decoded.charAt(first))) {
            first++;
        }
        if (first == decoded.length()) {
            throw new InputException(name, 0, null, "(empty file)", "allowed: a BIF or XMLBIF network with at least one variable");
        }
        return decoded.charAt(first) == '<' ? XmlBifReader.read(name, text) : BifReader.read(name, decoded);
    }

    /**
     * Reads the variables of a network file.
     *
     * @param priors  the priors folder of the project
     * @param written the path as written in the case file (relative to priors/)
     * @param caseDoc the case file, for messages about the {@code network} field
     * @param inputs  receives the file and its SHA-256, for provenance
     */
    static List<Variable> read(Path priors, String written, YamlDocument caseDoc, List<InputFile> inputs) {
        Fields v = new Fields(caseDoc);
        String allowed = "a BIF or XMLBIF file under priors/ (optionally .gz), named relative to priors/";
        if (written.isBlank() || written.contains("\\") || written.startsWith("/") || written.contains("\0")) {
            throw v.bad("/network", written, allowed);
        }
        Path path = priors.resolve(written).normalize();
        if (!path.startsWith(priors.normalize())) {
            throw v.bad("/network", written, allowed + "; the path must stay inside priors/");
        }
        if (!Files.isRegularFile(path)) {
            throw v.bad("/network", written, allowed + "; no such file");
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(priors.toRealPath())) {
                throw v.bad("/network", written, allowed + "; the path must stay inside priors/ (it is a link that leads out)");
            }
        } catch (IOException e) {
            throw v.bad("/network", written, allowed + "; cannot read it: " + IoReason.of(e));
        }
        String name = "priors/" + priors.normalize().relativize(path).toString().replace('\\', '/');
        NetworkBytes.Read bytes = NetworkBytes.read(name, path);
        inputs.add(new InputFile(name, CaseLoader.sha256(bytes.stored())));
        return variables(name, bytes.text());
    }
}
