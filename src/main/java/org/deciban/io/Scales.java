package org.deciban.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deciban.model.Icd203;

/**
 * The tables that turn words into numbers, with design.md's defaults; a case may override any entry
 * under {@code tables:} in its priors file.
 *
 * <ul>
 *   <li>Admiralty code: r = S(letter) * I(digit), S: A .95, B .8, C .6, D .4, E .2, F .5;
 *       I: 1 1.0, 2 .8, 3 .6, 4 .4, 5 .2, 6 .5 (F and 6, "cannot be judged", sit at .5).</li>
 *   <li>ACH consistency ratings as likelihoods: CC .9, C .7, N .5, I .3, II .1.</li>
 *   <li>ICD 203 phrases as likelihoods: the midpoint of each band (almost no chance .025,
 *       very unlikely .125, unlikely .325, roughly even chance .5, likely .675, very likely .875,
 *       almost certain .975), with ICD 203's paired terms (remote, highly improbable, improbable,
 *       roughly even odds, probable, highly probable, nearly certain) as synonyms.</li>
 * </ul>
 *
 * <p>An override of a phrase covers its synonym too ({@code likely: 0.7} makes "probable" 0.7 as
 * well) unless the synonym is overridden itself; an override of a synonym covers only the synonym.
 * Any other word in {@code phrases:} adds a word of the case's own.
 *
 * @param source      S(letter), keys "A".."F"
 * @param information I(digit), keys "1".."6"
 * @param ach         ACH rating to likelihood
 * @param phrases     lower-case phrase to likelihood
 */
public record Scales(Map<String, Double> source, Map<String, Double> information,
                     Map<String, Double> ach, Map<String, Double> phrases) {

    public Scales {
        source = Map.copyOf(source);
        information = Map.copyOf(information);
        ach = Map.copyOf(ach);
        phrases = Map.copyOf(phrases);
    }

    /** design.md's tables. */
    /** ICD 203's paired terms: each band's phrase and the synonym that follows its overrides. */
    static final Map<String, String> SYNONYMS = Map.of(
            Icd203.ALMOST_NO_CHANCE.phrase(), "remote",
            Icd203.VERY_UNLIKELY.phrase(), "highly improbable",
            Icd203.UNLIKELY.phrase(), "improbable",
            Icd203.ROUGHLY_EVEN_CHANCE.phrase(), "roughly even odds",
            Icd203.LIKELY.phrase(), "probable",
            Icd203.VERY_LIKELY.phrase(), "highly probable",
            Icd203.ALMOST_CERTAIN.phrase(), "nearly certain");

    public static Scales defaults() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("A", 0.95);
        s.put("B", 0.8);
        s.put("C", 0.6);
        s.put("D", 0.4);
        s.put("E", 0.2);
        s.put("F", 0.5);
        Map<String, Double> i = new LinkedHashMap<>();
        i.put("1", 1.0);
        i.put("2", 0.8);
        i.put("3", 0.6);
        i.put("4", 0.4);
        i.put("5", 0.2);
        i.put("6", 0.5);
        Map<String, Double> ach = new LinkedHashMap<>();
        ach.put("CC", 0.9);
        ach.put("C", 0.7);
        ach.put("N", 0.5);
        ach.put("I", 0.3);
        ach.put("II", 0.1);
        Map<String, Double> p = new LinkedHashMap<>();
        for (Icd203 band : Icd203.values()) {
            p.put(band.phrase(), band.midpoint());
        }
        for (Icd203 band : Icd203.values()) {
            p.put(SYNONYMS.get(band.phrase()), band.midpoint());
        }
        return new Scales(s, i, ach, p);
    }

    /** These tables with some entries replaced. */
    public Scales with(Map<String, Double> newSource, Map<String, Double> newInformation,
                       Map<String, Double> newAch, Map<String, Double> newPhrases) {
        return new Scales(merge(source, newSource), merge(information, newInformation),
                merge(ach, newAch), merge(phrases, withSynonyms(lower(newPhrases))));
    }

    /** Phrase overrides with each overridden phrase's synonym added, unless the synonym has its own. */
    private static Map<String, Double> withSynonyms(Map<String, Double> over) {
        Map<String, Double> out = new LinkedHashMap<>(over);
        over.forEach((phrase, x) -> {
            String synonym = SYNONYMS.get(phrase);
            if (synonym != null) {
                out.putIfAbsent(synonym, x);
            }
        });
        return out;
    }

    private static Map<String, Double> lower(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(normalisePhrase(k), v));
        return out;
    }

    private static Map<String, Double> merge(Map<String, Double> base, Map<String, Double> over) {
        Map<String, Double> out = new LinkedHashMap<>(base);
        out.putAll(over);
        return out;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Lower case, single spaces, trimmed. */
    public static String normalisePhrase(String s) {
        return SPACES.matcher(s.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** r of an Admiralty code such as "B2", or {@code null} when the code is not in the tables. */
    public Double admiralty(String code) {
        if (code.length() != 2) {
            return null;
        }
        Double s = source.get(code.substring(0, 1));
        Double i = information.get(code.substring(1));
        return s == null || i == null ? null : s * i;
    }

    /** The likelihood a word stands for (ACH rating first, then phrase), or {@code null}. */
    public Double likelihoodWord(String word) {
        Double a = ach.get(word.trim().toUpperCase(Locale.ROOT));
        return a != null ? a : phrases.get(normalisePhrase(word));
    }
}
