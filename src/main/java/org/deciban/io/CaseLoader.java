package org.deciban.io;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.InputFile;
import org.deciban.model.LikelihoodInterval;
import org.deciban.model.Limits;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/**
 * Loads a case from a project folder: {@code priors/<case>.yaml} and every
 * {@code evidence/<case>/*.yaml} (each file one item or a list of items, read in file-name order).
 *
 * <p>Everything design.md asks of the files is checked here, and each defect is an
 * {@link InputException} with file, line, field, value and what is allowed. Reading never writes.
 */
public final class CaseLoader {

    /** What an id may be, for messages. */
    private static final String ID_ALLOWED = "an id of lower-case letters, digits and '-', starting with a letter or digit, "
            + "at most " + Limits.MAX_ID_CHARS + " characters";

    /** The range of a Dirichlet or Beta pseudo-count, for messages. */
    static final String PSEUDO_COUNT = "a pseudo-count from " + Limits.MIN_PSEUDO_COUNT + " to "
            + String.format(java.util.Locale.ROOT, "%.0f", Limits.MAX_PSEUDO_COUNT);

    /** The range of a drift rate, for messages (also the command line's --drift). */
    public static final String DRIFT_ALLOWED = "a number from 0 to " + String.format(java.util.Locale.ROOT, "%.0f",
            Limits.MAX_DRIFT) + " (per year; 0 means no drift)";

    private final Path root;

    /** @param root the project folder holding priors/ and evidence/ */
    public CaseLoader(Path root) {
        this.root = root;
    }

    /** The project folder this loader reads from. */
    public Path root() {
        return root;
    }

    /** The case ids that have a priors file, sorted. */
    public List<String> availableCases() {
        Path priors = root.resolve("priors");
        if (!Files.isDirectory(priors)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(priors)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Loads and validates a case, its {@code checks:} section included.
     *
     * @throws InputException for any defect of the files
     */
    public Case load(String caseId) {
        return loadWithChecks(caseId).subject();
    }

    /**
     * A loaded case with the {@code checks:} section of its priors file (defaults where it says nothing),
     * validated against the case.
     *
     * @param subject the case
     * @param checks  the thresholds of {@code deciban test} and the analyst's expectations
     */
    public record Loaded(Case subject, org.deciban.model.Checks checks) {
    }

    /**
     * Loads and validates a case and its {@code checks:} section, reading each file once.
     *
     * @throws InputException for any defect of the files
     */
    public Loaded loadWithChecks(String caseId) {
        String priorsName = "priors/" + caseId + ".yaml";
        CaseFiles files = new CaseFiles(root);
        List<InputFile> inputs = new ArrayList<>();
        YamlDocument caseDoc = YamlDocument.parse(priorsName, priorsBytes(caseId, files, inputs, true));
        CaseHeader header = readCaseFile(caseDoc, caseId, inputs);

        List<EvidenceItem> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        String folder = "evidence/" + caseId;
        List<Path> evidence = files.evidenceIn(folder, root.resolve("evidence").resolve(caseId), files.realRoot());
        if (evidence.size() > Limits.MAX_ITEMS) {
            // every evidence file holds at least one item: refuse before reading any of them
            throw new InputException(folder, 0, null, null, "holds " + evidence.size() + " evidence files; allowed: at most "
                    + Limits.MAX_ITEMS + " items in a case");
        }
        for (Path file : evidence) {
            String name = folder + "/" + file.getFileName();
            YamlDocument doc = document(name, files.read(name, file, null, null), inputs, header);
            for (EvidenceItem item : readItems(doc, header, false)) {
                String before = seen.putIfAbsent(item.id(), item.origin());
                if (before != null) {
                    throw new InputException(name, lineOfOrigin(item.origin()), "id", item.id(),
                            "duplicate evidence id, first defined at " + before + "; allowed: ids unique across the case");
                }
                if (items.size() == Limits.MAX_ITEMS) {
                    throw new InputException(name, lineOfOrigin(item.origin()), null, null, "the case has more than "
                            + Limits.MAX_ITEMS + " evidence items with this one; allowed: at most " + Limits.MAX_ITEMS
                            + " items in a case");
                }
                items.add(item);
            }
        }
        // a file of indicators is an input of the case only when it holds a resolved one (open ones are not evidence)
        List<InputFile> indicatorFiles = new ArrayList<>();
        java.util.Set<String> resolvedIn = new java.util.HashSet<>();
        for (EvidenceItem indicator : readIndicators(caseId, files, header, indicatorFiles)) {
            if (indicator.resolution() == null) {
                continue;
            }
            resolvedIn.add(indicator.origin().substring(0, indicator.origin().lastIndexOf(':')));
            String before = seen.putIfAbsent(indicator.id(), indicator.origin());
            String name = indicator.origin().substring(0, indicator.origin().lastIndexOf(':'));
            if (before != null) {
                throw new InputException(name, lineOfOrigin(indicator.origin()), "id", indicator.id(),
                        "a resolved indicator is evidence, and evidence item " + before + " has the same id; allowed: "
                                + "ids unique across the case's evidence and its indicators");
            }
            if (items.size() == Limits.MAX_ITEMS) {
                throw new InputException(name, lineOfOrigin(indicator.origin()), null, null, "the case has more than "
                        + Limits.MAX_ITEMS + " evidence items with this resolved indicator; allowed: at most "
                        + Limits.MAX_ITEMS + " items in a case");
            }
            items.add(indicator);
        }
        for (InputFile f : indicatorFiles) {
            if (resolvedIn.contains(f.path())) {
                inputs.add(f);
            }
        }
        checkGroupCorrelations(caseDoc, header.settings, items);
        Case c = new Case(caseId, header.question, header.asOf, header.hypotheses, header.prior,
                header.settings, items, inputs, header.network, header.questionVariable, header.sourceReading,
                header.assessment);
        return new Loaded(c, ChecksReader.read(caseDoc, header.checks, c));
    }

    /**
     * The bytes of priors/&lt;case&gt;.yaml after checking the id and the file: a missing case names the
     * cases there are (with a did-you-mean); a folder, pipe or dangling link in its place is named as such.
     */
    private byte[] priorsBytes(String caseId, CaseFiles files, List<InputFile> inputs, boolean listCases) {
        String priorsName = "priors/" + caseId + ".yaml";
        if (!Hypothesis.ID.matcher(caseId).matches() || caseId.length() > Limits.MAX_ID_CHARS) {
            throw new InputException(priorsName, 0, "case", caseId, "allowed: a case id of [a-z0-9-]+, at most "
                    + Limits.MAX_ID_CHARS + " characters, the name of priors/<case>.yaml without folder or .yaml");
        }
        Path priorsPath = root.resolve("priors").resolve(caseId + ".yaml");
        if (!CaseFiles.present(priorsPath)) {
            List<String> cases = availableCases();
            throw new InputException(priorsName, 0, null, null, "case '" + caseId + "' does not exist"
                    + Suggest.didYouMean(caseId, cases)
                    + (listCases ? "; allowed: " + (cases.isEmpty() ? "no case found under " + root.resolve("priors")
                    : "one of " + String.join(", ", cases)) : ""));
        }
        byte[] bytes = files.read(priorsName, priorsPath, files.realFolder("priors"), "priors/");
        inputs.add(new InputFile(priorsName, sha256(bytes)));
        return bytes;
    }

    /**
     * Every group named in settings.group_correlation must be the group of some evidence item: a
     * misspelt group would otherwise change nothing, silently.
     */
    private static void checkGroupCorrelations(YamlDocument caseDoc, Settings settings, List<EvidenceItem> items) {
        if (settings.groupCorrelations().isEmpty()) {
            return;
        }
        java.util.SortedSet<String> groups = new java.util.TreeSet<>();
        for (EvidenceItem e : items) {
            if (e.group() != null) {
                groups.add(e.group());
            }
        }
        for (String g : new java.util.TreeSet<>(settings.groupCorrelations().keySet())) {
            if (!groups.contains(g)) {
                throw new Fields(caseDoc).bad("/settings/group_correlation/" + g, g, groups.isEmpty()
                        ? "a group named by some evidence item; no item of this case has a group"
                        : "a group named by some evidence item, one of " + String.join(", ", groups)
                        + Suggest.didYouMean(g, groups));
            }
        }
    }

    /**
     * Extra evidence items read from one YAML file (one item or a list, the evidence format),
     * validated against the hypotheses, tables and ids of a case; for what-if runs. Reading never
     * writes, and the case's own files are not changed.
     *
     * @param caseId the case whose hypotheses the items must match
     * @param file   the file, as the user named it (used in messages)
     * @throws InputException for any defect of the file, or an id repeated within it
     */
    public ItemFiles loadItems(String caseId, Path file) {
        List<InputFile> inputs = new ArrayList<>();
        CaseFiles files = new CaseFiles(root);
        CaseHeader header = header(caseId, files, inputs);
        inputs.clear();
        String name = file.toString().replace('\\', '/');
        if (!CaseFiles.present(file)) {
            throw new InputException(name, 0, null, null, "no such file; allowed: a YAML file of evidence items");
        }
        return new ItemFiles(readItemFile(name, files.read(name, file, null, null), header, new HashMap<>(), inputs,
                false), inputs);
    }

    /**
     * The candidate indicators of a case: every {@code evidence/<case>/indicators/*.yaml}, in the
     * evidence format; their likelihoods mean P(indicator observed | hypothesis). An open indicator
     * (without {@code resolution:}) is not evidence and never enters the posterior; a resolved one is
     * returned {@linkplain EvidenceItem#resolved resolved} ({@link EvidenceItem#resolution()} not null) and is
     * also evidence of the case ({@link #load} adds it). An indicator may not say {@code observed:}; its
     * resolution does.
     *
     * @return the indicators, open and resolved, in file order, and the files they were read from (empty when
     *         there is no such folder)
     * @throws InputException for any defect of the files
     */
    public ItemFiles loadIndicators(String caseId) {
        List<InputFile> inputs = new ArrayList<>();
        CaseFiles files = new CaseFiles(root);
        CaseHeader header = header(caseId, files, inputs);
        inputs.clear();
        return new ItemFiles(readIndicators(caseId, files, header, inputs), inputs);
    }

    private List<EvidenceItem> readIndicators(String caseId, CaseFiles files, CaseHeader header, List<InputFile> inputs) {
        Path evidence = files.folder("evidence/" + caseId, root.resolve("evidence").resolve(caseId), files.realRoot());
        List<EvidenceItem> items = new ArrayList<>();
        if (evidence == null) {
            return items;
        }
        String folder = "evidence/" + caseId + "/indicators";
        Map<String, String> seen = new HashMap<>();
        for (Path f : files.evidenceIn(folder, root.resolve("evidence").resolve(caseId).resolve("indicators"), evidence)) {
            String name = folder + "/" + f.getFileName();
            items.addAll(readItemFile(name, files.read(name, f, null, null), header, seen, inputs, true));
        }
        return items;
    }

    /**
     * Items read from files outside the case's evidence (indicators, what-if additions), with the
     * files they came from.
     *
     * @param items  the items, in file order
     * @param inputs the files read (not the priors file), for provenance
     */
    public record ItemFiles(List<EvidenceItem> items, List<InputFile> inputs) {
        public ItemFiles {
            items = List.copyOf(items);
            inputs = List.copyOf(inputs);
        }
    }

    private CaseHeader header(String caseId, CaseFiles files, List<InputFile> inputs) {
        return readCaseFile(YamlDocument.parse("priors/" + caseId + ".yaml", priorsBytes(caseId, files, inputs, false)),
                caseId, inputs);
    }

    private List<EvidenceItem> readItemFile(String name, byte[] bytes, CaseHeader header, Map<String, String> seen,
                                            List<InputFile> inputs, boolean indicators) {
        YamlDocument doc = document(name, bytes, inputs, header);
        List<EvidenceItem> items = readItems(doc, header, indicators);
        for (EvidenceItem item : items) {
            String before = seen.putIfAbsent(item.id(), item.origin());
            if (before != null) {
                throw new InputException(name, lineOfOrigin(item.origin()), "id", item.id(),
                        "duplicate id, first defined at " + before + "; allowed: unique ids");
            }
        }
        return items;
    }

    private static int lineOfOrigin(String origin) {
        int colon = origin.lastIndexOf(':');
        try {
            return Integer.parseInt(origin.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One evidence file as a document of items: YAML as written, a CSV matrix row by row. */
    private static YamlDocument document(String name, byte[] bytes, List<InputFile> inputs, CaseHeader header) {
        inputs.add(new InputFile(name, sha256(bytes)));
        if (name.endsWith(".csv")) {
            return MatrixReader.parse(name, bytes, header.hypotheses().stream().map(Hypothesis::id).collect(Collectors.toList()));
        }
        return YamlDocument.parse(name, bytes);
    }

    /** Lower-case hex SHA-256 of some bytes (the history's hash, {@link HistoryLog#sha256}). */
    public static String sha256(byte[] bytes) {
        return HistoryLog.sha256(bytes);
    }

    private record CaseHeader(String question, LocalDate asOf, List<Hypothesis> hypotheses,
                              Prior prior, Settings settings, Scales scales, org.deciban.model.Network network,
                              String questionVariable, org.deciban.model.SourceReading sourceReading,
                              org.deciban.model.Assessment assessment, Dto.ChecksEntry checks) {
    }

    private static <T> T bind(YamlDocument doc, JsonNode node, String path, Class<T> type) {
        try {
            return YamlBinding.bind(node, type);
        } catch (UnrecognizedPropertyException e) {
            String at = path + pointer(e);
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            throw new InputException(doc.file(), doc.lineOf(at), YamlDocument.fieldName(at), e.getPropertyName(),
                    "unknown field" + Suggest.didYouMean(e.getPropertyName(), known)
                            + "; allowed: " + String.join(", ", known));
        } catch (JsonMappingException e) {
            String at = path + pointer(e);
            JsonNode bad = node.at(pointer(e));
            throw new InputException(doc.file(), doc.lineOf(at), YamlDocument.fieldName(at),
                    bad.isMissingNode() ? null : bad.isValueNode() ? bad.asText() : bad.toString(),
                    "allowed: " + expected(e));
        } catch (IOException e) {
            throw new InputException(doc.file(), doc.lineOf(path), YamlDocument.fieldName(path), null,
                    "allowed: the documented fields of this file");
        }
    }

    private static String expected(JsonMappingException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.contains("Boolean")) {
            return "true or false (yes/no and on/off are read as true/false here)";
        }
        if (msg.contains("java.util.Map") || msg.contains("LinkedHashMap") || msg.contains("from Array") && msg.contains("Entry")) {
            return "a mapping of key: value";
        }
        if (msg.contains("java.util.List") || msg.contains("ArrayList")) {
            return "a list";
        }
        if (msg.contains("String") && !msg.contains("Entry`")) {
            return "a text";
        }
        if (msg.contains("Entry")) {
            return "a mapping of fields";
        }
        return "a value of the documented type";
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/');
            sb.append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        return sb.toString();
    }

    private CaseHeader readCaseFile(YamlDocument doc, String caseId, List<InputFile> inputs) {
        String f = doc.file();
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            throw new InputException(f, doc.lineOf(""), null, root == null ? "(empty file)" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
                    "allowed: a mapping with case, question, hypotheses and prior");
        }
        Dto.CaseFile dto = bind(doc, root, "", Dto.CaseFile.class);
        Fields v = new Fields(doc);
        if (dto.caseId() == null) {
            throw v.missing("", "case", "the case id, the same as the file name");
        }
        if (!dto.caseId().equals(caseId)) {
            throw new InputException(f, doc.lineOf("/case"), "case", dto.caseId(), "allowed: '" + caseId + "', the file's name");
        }
        if (dto.question() == null || dto.question().isBlank()) {
            throw v.missing("", "question", "the question the case answers, as text");
        }
        LocalDate asOf = dto.asOf() == null ? null : v.date("/as_of", dto.asOf());
        boolean structured = dto.variables() != null || dto.network() != null;
        if ((dto.hypotheses() == null || dto.hypotheses().isEmpty()) && !structured) {
            throw v.missing("", "hypotheses", "a list of at least one hypothesis with id and label");
        }
        if (dto.hypotheses() != null && dto.hypotheses().size() > Limits.MAX_HYPOTHESES) {
            throw v.bad("/hypotheses", "(" + dto.hypotheses().size() + " hypotheses)", "at most " + Limits.MAX_HYPOTHESES
                    + " hypotheses in a case");
        }
        List<Hypothesis> hypotheses = new ArrayList<>();
        Map<String, Integer> hypothesisLines = new HashMap<>();
        for (int i = 0; dto.hypotheses() != null && i < dto.hypotheses().size(); i++) {
            Dto.HypothesisEntry h = dto.hypotheses().get(i);
            String p = "/hypotheses/" + i;
            if (h == null) {
                throw v.missing("/hypotheses", "hypotheses[" + i + "]", "a mapping with id and label");
            }
            if (h.id() == null) {
                throw v.missing(p, "hypotheses[" + i + "].id", "an id of [a-z0-9-]+");
            }
            // a network file's question variable keeps its state names as written, and hypotheses name them
            if (!Hypothesis.ID.matcher(h.id()).matches()
                    && !(dto.network() != null && org.deciban.model.Variable.isStateName(h.id()))
                    || h.id().length() > Limits.MAX_ID_CHARS) {
                throw v.bad(p + "/id", h.id(), ID_ALLOWED);
            }
            if (hypothesisLines.containsKey(h.id())) {
                throw v.bad(p + "/id", h.id(), "a unique id; it is already used on line " + hypothesisLines.get(h.id()));
            }
            hypothesisLines.put(h.id(), doc.lineOf(p + "/id"));
            if (h.label() == null || h.label().isBlank()) {
                throw v.missing(p, "hypotheses[" + i + "].label", "a label, as text");
            }
            hypotheses.add(new Hypothesis(h.id(), h.label(), h.outcome()));
        }
        List<String> ids = hypotheses.stream().map(Hypothesis::id).collect(Collectors.toList());
        if (structured) {
            Settings settings = readSettings(v, dto.settings());
            Scales scales = readScales(v, dto.tables());
            NetworkCaseReader.Result net = NetworkCaseReader.read(doc, dto, this.root.resolve("priors"), inputs,
                    hypotheses, scales, settings);
            if (net.hypotheses().size() > Limits.MAX_HYPOTHESES) {
                throw v.bad("/question_variable", "(" + net.hypotheses().size() + " states)", "a question of at most "
                        + Limits.MAX_HYPOTHESES + " states (hypotheses)");
            }
            return new CaseHeader(dto.question(), asOf, net.hypotheses(), net.prior(), settings, scales, net.network(),
                    net.questionVariable(), AnalystNotesReader.sourceReading(doc, dto.sourceReading()),
                    AnalystNotesReader.assessment(doc, dto.assessment()), dto.checks());
        }
        if (dto.questionVariable() != null) {
            throw v.bad("/question_variable", dto.questionVariable(), "question_variable only with variables or network");
        }

        if (dto.prior() == null || dto.prior().probabilities() == null) {
            throw v.missing(dto.prior() == null ? "" : "/prior", "prior.probabilities",
                    "a probability for each of " + String.join(", ", ids));
        }
        double[] pi = v.perHypothesis("/prior/probabilities", dto.prior().probabilities(), ids,
                (path, node) -> v.number(path, node, x -> x > 0 && x <= 1, "a number in (0, 1]"));
        double sum = 0;
        for (double x : pi) {
            sum += x;
        }
        if (!(Math.abs(sum - 1) <= Prior.SUM_TOLERANCE)) {
            throw v.bad("/prior/probabilities", String.format(java.util.Locale.ROOT, "sum %.12g", sum),
                    "probabilities that sum to 1 (within " + Prior.SUM_TOLERANCE + ")");
        }
        Double concentration = dto.prior().concentration() == null ? null
                : v.inRange("/prior/concentration", dto.prior().concentration(), Limits.MIN_PSEUDO_COUNT,
                Limits.MAX_PSEUDO_COUNT, PSEUDO_COUNT);
        List<Double> piList = new ArrayList<>();
        for (double x : pi) {
            piList.add(x);
        }
        Prior prior = new Prior(piList, concentration);

        Settings settings = readSettings(v, dto.settings());
        Scales scales = readScales(v, dto.tables());
        return new CaseHeader(dto.question(), asOf, hypotheses, prior, settings, scales,
                Case.questionNetwork(hypotheses, prior), Case.QUESTION,
                AnalystNotesReader.sourceReading(doc, dto.sourceReading()), AnalystNotesReader.assessment(doc, dto.assessment()),
                dto.checks());
    }

    private static Settings readSettings(Fields v, Dto.SettingsEntry s) {
        Settings d = Settings.defaults();
        if (s == null) {
            return d;
        }
        double rho = s.correlation() == null ? d.correlation()
                : v.number("/settings/correlation", s.correlation(), x -> x >= 0 && x <= 1, "a number in [0, 1]");
        Map<String, Double> groups = new LinkedHashMap<>();
        if (s.groupCorrelation() != null) {
            s.groupCorrelation().forEach((g, node) -> groups.put(g,
                    v.number("/settings/group_correlation/" + g, node, x -> x >= 0 && x <= 1, "a number in [0, 1]")));
        }
        long draws = s.draws() == null ? d.draws()
                : v.integer("/settings/draws", s.draws(), 1, Limits.MAX_DRAWS, "a whole number from 1 to 10^12");
        long seed = s.seed() == null ? d.seed()
                : v.integer("/settings/seed", s.seed(), Long.MIN_VALUE, Long.MAX_VALUE, "a whole number (64-bit)");
        double drift = s.drift() == null ? d.drift()
                : v.inRange("/settings/drift", s.drift(), 0, Limits.MAX_DRIFT, DRIFT_ALLOWED);
        double spread = s.driftSpread() == null ? 0
                : v.inRange("/settings/drift_spread", s.driftSpread(), 0, Limits.MAX_DRIFT_SPREAD,
                "a number from 0 to " + String.format(java.util.Locale.ROOT, "%.0f", Limits.MAX_DRIFT_SPREAD)
                        + " (standard deviation of log(drift); 0 takes the drift as exact)");
        if (spread > 0 && drift == 0) {
            throw v.bad("/settings/drift_spread", s.driftSpread().asText(),
                    "0 when settings.drift is 0; a spread needs a drift > 0 as its median");
        }
        double confidence = s.defaultConfidence() == null ? d.defaultConfidence()
                : v.inRange("/settings/default_confidence", s.defaultConfidence(), Limits.MIN_PSEUDO_COUNT,
                Limits.MAX_PSEUDO_COUNT, PSEUDO_COUNT + " (Beta pseudo-count of the likelihoods of items that state no confidence)");
        long maxClique = s.maxClique() == null ? Settings.DEFAULT_MAX_CLIQUE
                : v.integer("/settings/max_clique", s.maxClique(), 1, Settings.MAX_MAX_CLIQUE,
                "a whole number of doubles from 1 to 2^30 (default 2^27): the largest clique table of a network");
        return new Settings(rho, groups, draws, seed, drift, spread, confidence, maxClique);
    }

    private static Scales readScales(Fields v, Dto.TablesEntry t) {
        Scales d = Scales.defaults();
        if (t == null) {
            return d;
        }
        return d.with(
                v.table("/tables/admiralty_source", t.admiraltySource(), "[A-F]"),
                v.table("/tables/admiralty_information", t.admiraltyInformation(), "[1-6]"),
                v.table("/tables/ach", t.ach(), "CC|C|N|I|II"),
                v.table("/tables/phrases", t.phrases(), ".+"));
    }

    private List<EvidenceItem> readItems(YamlDocument doc, CaseHeader header, boolean indicators) {
        JsonNode root = doc.root();
        List<EvidenceItem> out = new ArrayList<>();
        if (root == null) {
            throw new InputException(doc.file(), 0, null, "(empty file)",
                    "allowed: one evidence item (a mapping) or a list of them");
        }
        if (root.isObject()) {
            out.add(readItem(doc, root, "", header, indicators));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode n = root.get(i);
                if (!n.isObject()) {
                    throw new InputException(doc.file(), doc.lineOf("/" + i), "[" + i + "]", n.asText(),
                            "allowed: an evidence item (a mapping with id, likelihoods, ...)");
                }
                out.add(readItem(doc, n, "/" + i, header, indicators));
            }
            if (out.isEmpty()) {
                throw new InputException(doc.file(), 1, null, "[]", "allowed: at least one evidence item");
            }
        } else {
            throw new InputException(doc.file(), doc.lineOf(""), null, root.asText(),
                    "allowed: one evidence item (a mapping) or a list of them");
        }
        return out;
    }

    /**
     * One item of an evidence file ({@code indicator} false) or a candidate indicator ({@code indicator} true: no
     * {@code observed:}, and a {@code resolution:} allowed).
     */
    private EvidenceItem readItem(YamlDocument doc, JsonNode node, String p, CaseHeader header, boolean indicator) {
        Dto.ItemEntry dto = bind(doc, node, p, Dto.ItemEntry.class);
        Fields v = new Fields(doc);
        String at = p.isEmpty() ? "" : YamlDocument.fieldName(p) + ".";
        if (dto.id() == null) {
            throw v.missing(p, at + "id", "an item id of [a-z0-9-]+");
        }
        if (!Hypothesis.ID.matcher(dto.id()).matches() || dto.id().length() > Limits.MAX_ID_CHARS) {
            throw v.bad(p + "/id", dto.id(), ID_ALLOWED);
        }
        LocalDate date = dto.date() == null ? null : v.date(p + "/date", dto.date());
        if (date != null && header.asOf() != null && date.isAfter(header.asOf())) {
            throw v.bad(p + "/date", dto.date(), "a date on or before the case's as_of (" + header.asOf()
                    + "); a forecast as of a date cannot use later evidence");
        }
        if (dto.category() != null && !EvidenceItem.CATEGORIES.contains(dto.category())) {
            throw v.bad(p + "/category", dto.category(), "one of " + String.join(", ", EvidenceItem.CATEGORIES)
                    + Suggest.didYouMean(dto.category(), EvidenceItem.CATEGORIES));
        }
        double r = 1.0;
        String code = "1";
        if (dto.reliability() != null) {
            JsonNode rel = dto.reliability();
            if (rel.isTextual()) {
                code = rel.asText().trim();
                Double fromCode = header.scales().admiralty(code);
                if (fromCode == null) {
                    throw v.bad(p + "/reliability", rel.asText(),
                            "an Admiralty code (source letter A-F, information digit 1-6, e.g. B2) or a number in [0, 1]");
                }
                r = fromCode;
            } else {
                r = v.number(p + "/reliability", rel, x -> x >= 0 && x <= 1,
                        "a number in [0, 1] or an Admiralty code such as B2");
                code = rel.asText();
            }
        }
        org.deciban.model.Variable target = ItemTarget.of(v, p, dto.on(), header.network(), header.questionVariable());
        List<String> ids = target.id().equals(header.questionVariable())
                ? header.hypotheses().stream().map(Hypothesis::id).collect(Collectors.toList()) : target.stateIds();
        String what = target.id().equals(header.questionVariable()) ? "hypothesis" : "state of '" + target.id() + "'";
        if (dto.likelihoods() == null) {
            throw v.missing(p, at + "likelihoods", "a likelihood for each of " + String.join(", ", ids));
        }
        double[] l = v.perKey(p + "/likelihoods", dto.likelihoods(), ids, what,
                (path, n) -> likelihood(v, header.scales(), path, n));
        if (indicator && dto.observed() != null) {
            throw v.bad(p + "/observed", dto.observed().toString(), "leave it out: an open indicator is not yet "
                    + "observed (both branches are weighed); once it resolves, write resolution: {observed: true or "
                    + "false, date, source, quote}");
        }
        boolean observed = dto.observed() == null || dto.observed();
        boolean allZero = true;
        boolean allOne = true;
        for (double x : l) {
            allZero &= x == 0;
            allOne &= x == 1;
        }
        if (observed ? allZero : allOne) {
            throw v.bad(p + "/likelihoods", observed ? "0 under every hypothesis" : "1 under every hypothesis (recorded as absent)",
                    "an item possible under at least one hypothesis; an impossible item cannot have been observed");
        }
        Double confidence = dto.confidence() == null ? null
                : v.inRange(p + "/confidence", dto.confidence(), Limits.MIN_PSEUDO_COUNT, Limits.MAX_PSEUDO_COUNT, PSEUDO_COUNT);
        List<Double> likelihoods = new ArrayList<>();
        for (double x : l) {
            likelihoods.add(x);
        }
        String origin = doc.file() + ":" + doc.lineOf(p.isEmpty() ? "/id" : p);
        List<LikelihoodInterval> intervals = intervals(v, p + "/intervals", dto.intervals(), ids, l);
        EvidenceItem item = new EvidenceItem(dto.id(), date, dto.category(), dto.source(), r, code, dto.quote(),
                dto.rationale(), likelihoods, confidence, dto.group(), observed, origin, intervals, dto.on());
        if (dto.resolution() != null) {
            if (!indicator) {
                throw v.bad(p + "/resolution", "(a resolution)", "a resolution only on a candidate indicator "
                        + "(evidence/<case>/indicators/*.yaml); an evidence item is observed already (write observed: "
                        + "false for one looked for and not found)");
            }
            return item.resolved(resolution(v, p + "/resolution", dto.resolution(), header, at, allOne));
        }
        return item;
    }

    /**
     * A candidate indicator's {@code resolution:}: observed (true or false), date (on or before the case's as_of and
     * today), source (required) and quote.
     *
     * @param certain whether the indicator's likelihoods are 1 under every state (it cannot have gone unseen)
     */
    private static org.deciban.model.Resolution resolution(Fields v, String p, Dto.ResolutionEntry r, CaseHeader header,
                                                           String at, boolean certain) {
        if (r.observed() == null) {
            throw v.missing(p, at + "resolution.observed", "true (the indicator was observed) or false (watched for "
                    + "and not seen)");
        }
        if (r.date() == null) {
            throw v.missing(p, at + "resolution.date", "the date the outcome was established, yyyy-mm-dd (for an "
                    + "indicator not seen, the end of its window)");
        }
        LocalDate date = v.date(p + "/date", r.date());
        if (header.asOf() != null && date.isAfter(header.asOf())) {
            throw v.bad(p + "/date", r.date(), "a date on or before the case's as_of (" + header.asOf() + "); to include "
                    + "this resolution, bring the case's as_of forward to " + date + " or later (the forecast as of "
                    + header.asOf() + " stays available as a replay: timeline --as-of " + header.asOf() + ", diff --from as-of:"
                    + header.asOf() + ")");
        }
        LocalDate today = LocalDate.now();
        if (date.isAfter(today)) {
            throw v.bad(p + "/date", r.date(), "a date on or before today (" + today + "); a resolution records what "
                    + "has happened");
        }
        if (r.source() == null || r.source().isBlank()) {
            throw v.missing(p, at + "resolution.source", "the public source that establishes the outcome (who "
                    + "published it, when, and where to find it)");
        }
        if (certain && !r.observed()) {
            throw v.bad(p + "/observed", "false", "true: the indicator's likelihoods are 1 under every state, so it "
                    + "cannot have been watched for and not seen");
        }
        return new org.deciban.model.Resolution(r.observed(), date, r.source(), r.quote());
    }

    /** {@code intervals: {h: [low, high]}}: 90% intervals of some likelihoods, each containing its likelihood. */
    private static List<LikelihoodInterval> intervals(Fields v, String path, Map<String, JsonNode> map,
                                                      List<String> ids, double[] l) {
        List<LikelihoodInterval> out = new ArrayList<>();
        if (map == null) {
            return out;
        }
        String allowed = "a list [low, high] of two numbers with 0 < low <= likelihood <= high < 1 and low < high";
        for (Map.Entry<String, JsonNode> e : map.entrySet()) {
            String at = path + "/" + e.getKey();
            int k = ids.indexOf(e.getKey());
            if (k < 0) {
                throw v.bad(at, e.getKey(), "a hypothesis id, one of " + String.join(", ", ids)
                        + Suggest.didYouMean(e.getKey(), ids));
            }
            JsonNode n = e.getValue();
            if (n == null || !n.isArray() || n.size() != 2) {
                throw v.bad(at, n == null ? "(empty)" : n.toString(), allowed);
            }
            double low = v.number(at + "/0", n.get(0), x -> x > 0 && x < 1, "a number in (0, 1) as the low end");
            double high = v.number(at + "/1", n.get(1), x -> x > 0 && x < 1, "a number in (0, 1) as the high end");
            if (!(low < high && low <= l[k] && l[k] <= high)) {
                throw v.bad(at, "[" + n.get(0).asText() + ", " + n.get(1).asText() + "] around likelihood "
                        + Double.toString(l[k]), allowed);
            }
            out.add(new LikelihoodInterval(k, low, high));
        }
        return out;
    }

    static double likelihood(Fields v, Scales scales, String path, JsonNode node) {
        String allowed = "a number in [0, 1], an ACH rating (CC, C, N, I, II) or an ICD 203 phrase (such as 'likely')";
        if (node.isTextual()) {
            Double x = scales.likelihoodWord(node.asText());
            if (x == null) {
                java.util.Set<String> words = new java.util.TreeSet<>(scales.phrases().keySet());
                words.addAll(scales.ach().keySet());
                throw v.bad(path, node.asText(), allowed + Suggest.didYouMean(node.asText(), words));
            }
            return x;
        }
        return v.number(path, node, x -> x >= 0 && x <= 1, allowed);
    }
}
