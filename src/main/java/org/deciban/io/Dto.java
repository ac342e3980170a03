package org.deciban.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The shapes of the YAML files, bound by Jackson with unknown fields refused. */
final class Dto {

    private Dto() {
    }

    record CaseFile(
            @JsonProperty("case") String caseId,
            @JsonProperty("question") String question,
            @JsonProperty("as_of") String asOf,
            @JsonProperty("hypotheses") java.util.List<HypothesisEntry> hypotheses,
            @JsonProperty("prior") PriorEntry prior,
            @JsonProperty("settings") SettingsEntry settings,
            @JsonProperty("tables") TablesEntry tables,
            @JsonProperty("checks") ChecksEntry checks,
            @JsonProperty("network") String network,
            @JsonProperty("question_variable") String questionVariable,
            @JsonProperty("variables") JsonNode variables,
            @JsonProperty("source_reading") SourceReadingEntry sourceReading,
            @JsonProperty("assessment") AssessmentEntry assessment) {
    }

    record SourceReadingEntry(
            @JsonProperty("source") String source,
            @JsonProperty("url") String url,
            @JsonProperty("called") String called,
            @JsonProperty("thesis") String thesis,
            @JsonProperty("departures") java.util.List<String> departures) {
    }

    record AssessmentEntry(
            @JsonProperty("confidence") String confidence,
            @JsonProperty("reasons") java.util.List<String> reasons) {
    }

    record ChecksEntry(
            @JsonProperty("max_item_share") JsonNode maxItemShare,
            @JsonProperty("survival_share") JsonNode survivalShare,
            @JsonProperty("band_must_survive") Boolean bandMustSurvive,
            @JsonProperty("tries") JsonNode tries,
            @JsonProperty("default_confidence") JsonNode defaultConfidence,
            @JsonProperty("expect") java.util.List<ExpectationEntry> expect) {
    }

    record ExpectationEntry(
            @JsonProperty("leads") String leads,
            @JsonProperty("hypothesis") String hypothesis,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("at_least") JsonNode atLeast,
            @JsonProperty("at_most") JsonNode atMost,
            @JsonProperty("above") JsonNode above,
            @JsonProperty("below") JsonNode below) {
    }

    record HypothesisEntry(
            @JsonProperty("id") String id,
            @JsonProperty("label") String label,
            @JsonProperty("outcome") String outcome) {
    }

    record PriorEntry(
            @JsonProperty("probabilities") Map<String, JsonNode> probabilities,
            @JsonProperty("concentration") JsonNode concentration) {
    }

    record SettingsEntry(
            @JsonProperty("correlation") JsonNode correlation,
            @JsonProperty("group_correlation") Map<String, JsonNode> groupCorrelation,
            @JsonProperty("draws") JsonNode draws,
            @JsonProperty("seed") JsonNode seed,
            @JsonProperty("drift") JsonNode drift,
            @JsonProperty("drift_spread") JsonNode driftSpread,
            @JsonProperty("default_confidence") JsonNode defaultConfidence,
            @JsonProperty("max_clique") JsonNode maxClique) {
    }

    record TablesEntry(
            @JsonProperty("admiralty_source") Map<String, JsonNode> admiraltySource,
            @JsonProperty("admiralty_information") Map<String, JsonNode> admiraltyInformation,
            @JsonProperty("ach") Map<String, JsonNode> ach,
            @JsonProperty("phrases") Map<String, JsonNode> phrases) {
    }

    record ItemEntry(
            @JsonProperty("id") String id,
            @JsonProperty("date") String date,
            @JsonProperty("category") String category,
            @JsonProperty("source") String source,
            @JsonProperty("reliability") JsonNode reliability,
            @JsonProperty("quote") String quote,
            @JsonProperty("rationale") String rationale,
            @JsonProperty("likelihoods") Map<String, JsonNode> likelihoods,
            @JsonProperty("confidence") JsonNode confidence,
            @JsonProperty("group") String group,
            @JsonProperty("observed") Boolean observed,
            @JsonProperty("intervals") Map<String, JsonNode> intervals,
            @JsonProperty("on") String on,
            @JsonProperty("resolution") ResolutionEntry resolution) {
    }

    /** How a candidate indicator turned out (only under evidence/&lt;case&gt;/indicators/). */
    record ResolutionEntry(
            @JsonProperty("observed") Boolean observed,
            @JsonProperty("date") String date,
            @JsonProperty("source") String source,
            @JsonProperty("quote") String quote) {
    }
}
