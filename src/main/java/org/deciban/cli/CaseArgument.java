package org.deciban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.deciban.io.CaseLoader;
import picocli.CommandLine.Parameters;

/**
 * The optional CASE parameter: a case id, or the path of the case's priors file; when left out,
 * the project's only case.
 */
public final class CaseArgument {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CASE",
            description = "Case id, the name of priors/<CASE>.yaml (a path to that file is accepted too); "
                    + "default: the only case under priors/.")
    String caseId;

    /**
     * The case to load: the one given (by id, or by the path of its priors file under the project
     * folder), or the only one there is.
     *
     * @throws BadInput when the project folder does not exist, when a path names no case file of the
     *                  project, or when no case is given and there is not exactly one
     */
    String resolve(CaseLoader loader) {
        Path root = loader.root();
        if (!Files.isDirectory(root)) {
            throw new BadInput("--root " + root + ": no such folder; allowed: a project folder holding priors/, "
                    + "evidence/ and reports/ (default: the current folder)");
        }
        if (caseId != null) {
            return named(caseId, root);
        }
        List<String> cases = loader.availableCases();
        if (cases.size() == 1) {
            return cases.get(0);
        }
        throw new BadInput(cases.isEmpty() ? "no case found: " + root.resolve("priors") + " holds no <case>.yaml"
                + " (see --root)" : "more than one case under priors/; name one of: " + String.join(", ", cases));
    }

    /**
     * A case named on the command line: an id, or the path of its priors file under the project folder
     * ({@code root}, which must exist); a path to no file is left as it is, for the loader to refuse as an id.
     */
    static String named(String given, Path root) {
        return looksLikePath(given) ? fromPath(given, root) : given;
    }

    private static boolean looksLikePath(String s) {
        return s.contains("/") || s.contains("\\") || s.endsWith(".yaml") || s.endsWith(".yml");
    }

    /**
     * The id of a case given as the path of its priors file, which must be priors/&lt;id&gt;.yaml under
     * root; a path to no file is left as it is, for the loader to refuse as an id.
     */
    private static String fromPath(String given, Path root) {
        Path file = existing(given, root);
        String what = "allowed: a case id such as 'my-case', the name of priors/my-case.yaml under the project "
                + "folder (--root), or the path of that file";
        if (file == null) {
            return given;
        }
        String name = file.getFileName().toString();
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (!name.endsWith(".yaml") || folder == null || folder.getFileName() == null
                || !folder.getFileName().toString().equals("priors")) {
            throw new BadInput("case '" + given + "': not a case file (priors/<case>.yaml); " + what);
        }
        String id = name.substring(0, name.length() - ".yaml".length());
        if (!sameFile(folder.getParent(), root)) {
            throw new BadInput("case '" + given + "': the file is not under the project folder " + root
                    + "; run with --root " + folder.getParent() + " " + id);
        }
        return id;
    }

    private static Path existing(String given, Path root) {
        List<Path> candidates = List.of(root.resolve(given), root.resolve("priors").resolve(given), Paths.get(given));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a != null && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
