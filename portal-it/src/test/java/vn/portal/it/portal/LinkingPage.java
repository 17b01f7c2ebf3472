package vn.portal.it.portal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrator's page {@code /admin/linking} as rendered: the form's CSRF token, the flash after a start, current
 * links by method, the open review count, and the job executions table. Parsed from the HTML by the element ids the
 * page gives its tables; the job's statuses and the link methods are read from the data attributes the page keeps
 * beside its translated labels, so the tests do not depend on the wording.
 */
public record LinkingPage(int status, String body) {

    /**
     * One row of the executions table: the batch status and raw exit status from the cell's data attributes,
     * {@code shown} the cell's text as the administrator reads it.
     */
    public record Execution(long id, String status, String exitStatus, String shown, String parameters) {
        public boolean finished() {
            return switch (status) {
                case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
                default -> false;
            };
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf\"");
    private static final Pattern ROW = Pattern.compile("<tr(\\s[^>]*)?>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td(\\s[^>]*)?>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern OPEN_REVIEWS = Pattern.compile("\\((\\d+) mục đang chờ\\)");
    private static final Pattern FLASH = Pattern.compile("<div id=\"flash\"[^>]*data-flash-key=\"([^\"]+)\"[^>]*>(.*?)</div>", Pattern.DOTALL);

    public static LinkingPage of(HttpResponse<String> response) {
        return new LinkingPage(response.statusCode(), response.body() == null ? "" : response.body());
    }

    /** The hidden {@code csrf} field of the start form. */
    public String csrfToken() {
        Matcher token = CSRF.matcher(body);
        if (!token.find()) {
            throw new AssertionError("the page has no csrf field; status " + status + ", body " + excerpt());
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    /** The flash message's key and text, when the page shows one. */
    public Optional<Map.Entry<String, String>> flash() {
        Matcher flash = FLASH.matcher(body);
        return flash.find() ? Optional.of(Map.entry(flash.group(1), text(flash.group(2)))) : Optional.empty();
    }

    /** Method (the enum name, from the row's data attribute) -> count of current links, as the table lists them. */
    public Map<String, Long> linksByMethod() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row row : rows("links-by-method")) {
            counts.put(row.attribute("data-method"), Long.parseLong(row.cells().get(1).text()));
        }
        return counts;
    }

    /** Method -> the label the table shows for it. */
    public Map<String, String> methodLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Row row : rows("links-by-method")) {
            labels.put(row.attribute("data-method"), row.cells().get(0).text());
        }
        return labels;
    }

    /** Whether the page reloads itself (the meta refresh it carries while a run goes on). */
    public boolean refreshesItself() {
        return body.contains("http-equiv=\"refresh\"");
    }

    public OptionalLong openReviews() {
        Matcher open = OPEN_REVIEWS.matcher(body);
        return open.find() ? OptionalLong.of(Long.parseLong(open.group(1))) : OptionalLong.empty();
    }

    /** The executions table, newest first as the page orders it. */
    public List<Execution> executions() {
        List<Execution> executions = new ArrayList<>();
        for (Row row : rows("job-executions")) {
            Cell status = row.cells().get(1);
            String batchStatus = status.attributes().get("data-status");
            if (batchStatus == null || batchStatus.isEmpty()) {
                throw new AssertionError("status cell without data-status '" + status.text() + "' in " + excerpt());
            }
            executions.add(new Execution(Long.parseLong(row.cells().get(0).text()), batchStatus,
                    status.attributes().getOrDefault("data-exit-status", ""), status.text(), row.cells().get(4).text()));
        }
        return executions;
    }

    public Optional<Execution> execution(long id) {
        return executions().stream().filter(e -> e.id() == id).findFirst();
    }

    private record Cell(Map<String, String> attributes, String text) {
    }

    private record Row(Map<String, String> attributes, List<Cell> cells) {
        String attribute(String name) {
            String value = attributes.get(name);
            if (value == null) {
                throw new AssertionError("row without " + name + ": " + attributes + " " + cells);
            }
            return value;
        }
    }

    /** The body rows of the table with this id, each with its attributes and its cells' attributes and text. */
    private List<Row> rows(String tableId) {
        int start = body.indexOf("id=\"" + tableId + "\"");
        if (start < 0) {
            throw new AssertionError("/admin/linking has no table " + tableId + "; status " + status + ", body " + excerpt());
        }
        int tbody = body.indexOf("<tbody>", start);
        int end = body.indexOf("</tbody>", tbody);
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(COMMENT.matcher(body.substring(tbody, end)).replaceAll(""));
        while (row.find()) {
            List<Cell> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.add(new Cell(attributes(cell.group(1)), text(cell.group(2))));
            }
            rows.add(new Row(attributes(row.group(1)), cells));
        }
        return rows;
    }

    private static Map<String, String> attributes(String tagRest) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (tagRest != null) {
            Matcher attribute = ATTRIBUTE.matcher(tagRest);
            while (attribute.find()) {
                attributes.put(attribute.group(1), unescape(attribute.group(2)));
            }
        }
        return attributes;
    }

    /** The text of an HTML fragment, its white space collapsed as a browser shows it. */
    private static String text(String html) {
        return SPACE.matcher(unescape(TAG.matcher(html).replaceAll(""))).replaceAll(" ").strip();
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private String excerpt() {
        return body.length() > 800 ? body.substring(0, 800) + "…" : body;
    }
}
