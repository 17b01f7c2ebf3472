package vn.portal.web.interfaces.review;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

/**
 * The evidence JSON the matching package stores with every link and review item (Evidence.toJson), laid out
 * for a page: the rule that decided, the total against the thresholds, and per candidate which comparisons
 * agreed at which level with which weight. Field, level and rule names are keys the page translates.
 *
 * @param valid false when the stored text was not evidence JSON (it is then shown raw)
 */
public record EvidenceView(boolean valid, String raw, String rule, String outcome, String reviewReason, String score,
        String upper, String lower, String priorWeight, List<Candidate> candidates, List<String> notes) {

    /** One candidate person and the comparisons made against them. */
    public record Candidate(String personalId, String maskedPersonalId, String score, String matchProbability,
            List<String> foundBy, List<Row> comparisons) {
    }

    /** One comparison: field key (e.g. given_name), level (e.g. FOLDED_EQUAL), weight in bits. */
    public record Row(String field, String level, String weight, boolean agreed, boolean vetoes) {
    }

    public static EvidenceView parse(String json) {
        if (json == null || json.isBlank()) {
            return invalid("");
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return invalid(json);
            }
            JsonObject root = value.asJsonObject();
            JsonObject thresholds = root.containsKey("thresholds") && root.get("thresholds").getValueType() == JsonValue.ValueType.OBJECT
                    ? root.getJsonObject("thresholds") : JsonValue.EMPTY_JSON_OBJECT;
            List<Candidate> candidates = new ArrayList<>();
            for (JsonValue entry : array(root, "candidates")) {
                if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                    candidates.add(candidate(entry.asJsonObject()));
                }
            }
            List<String> notes = new ArrayList<>();
            for (JsonValue note : array(root, "notes")) {
                if (note instanceof JsonString text) {
                    notes.add(text.getString());
                }
            }
            return new EvidenceView(true, json, text(root, "rule"), text(root, "outcome"), text(root, "review_reason"),
                    number(root, "score"), number(thresholds, "upper"), number(thresholds, "lower"), number(root, "prior_weight"),
                    List.copyOf(candidates), List.copyOf(notes));
        } catch (JsonParsingException | ClassCastException e) {
            return invalid(json);
        }
    }

    /**
     * The same evidence with only {@code personalId}'s own candidate entry: a citizen is shown why an account was
     * suggested to them, never how it compared with other people.
     */
    public EvidenceView onlyFor(String personalId) {
        List<Candidate> own = candidates.stream().filter(c -> c.personalId().equals(personalId)).toList();
        return new EvidenceView(valid, "", rule, outcome, reviewReason, own.isEmpty() ? score : own.get(0).score(), upper, lower,
                priorWeight, own, List.of());
    }

    private static EvidenceView invalid(String raw) {
        return new EvidenceView(false, raw, "", "", "", "", "", "", "", List.of(), List.of());
    }

    private static Candidate candidate(JsonObject object) {
        List<Row> rows = new ArrayList<>();
        for (JsonValue entry : array(object, "comparisons")) {
            if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject comparison = entry.asJsonObject();
                String weight = number(comparison, "weight");
                boolean agreed = comparison.get("weight") instanceof JsonNumber n && n.doubleValue() > 0;
                rows.add(new Row(text(comparison, "comparison"), text(comparison, "level"), weight, agreed,
                        comparison.getBoolean("vetoes_auto_link", false)));
            }
        }
        List<String> foundBy = new ArrayList<>();
        for (JsonValue rule : array(object, "found_by")) {
            if (rule instanceof JsonString text) {
                foundBy.add(text.getString());
            }
        }
        String personalId = text(object, "personal_id");
        return new Candidate(personalId, mask(personalId), number(object, "score"), probability(object, "match_probability"),
                List.copyOf(foundBy), List.copyOf(rows));
    }

    /** As PersonalId.masked(): the first 4 and last 2 digits. */
    static String mask(String personalId) {
        return personalId.length() == 12 ? personalId.substring(0, 4) + "******" + personalId.substring(10) : personalId;
    }

    private static List<JsonValue> array(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonArray array ? array : List.of();
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : "";
    }

    private static String probability(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : "";
    }

    private static String number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber n ? String.format(Locale.ROOT, "%+.2f", n.doubleValue()) : "";
    }
}
