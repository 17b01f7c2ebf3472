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
 * page gives its tables, so a test reads what the administrator sees.
 */
public record LinkingPage(int status, String body) {

    /** One row of the executions table. */
    public record Execution(long id, String status, String exitStatus, String parameters) {
        public boolean finished() {
            return switch (status) {
                case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
                default -> false;
            };
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf\"");
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern STATUS = Pattern.compile("([A-Z]+)(?:\\s*\\S\\s*(.*))?", Pattern.DOTALL);
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

    /** Method -> count of current links, as the "links by method" table lists them. */
    public Map<String, Long> linksByMethod() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<String> row : rows("links-by-method")) {
            counts.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return counts;
    }

    public OptionalLong openReviews() {
        Matcher open = OPEN_REVIEWS.matcher(body);
        return open.find() ? OptionalLong.of(Long.parseLong(open.group(1))) : OptionalLong.empty();
    }

    /** The executions table, newest first as the page orders it. */
    public List<Execution> executions() {
        List<Execution> executions = new ArrayList<>();
        for (List<String> row : rows("job-executions")) {
            Matcher status = STATUS.matcher(row.get(1));
            if (!status.matches()) {
                throw new AssertionError("unreadable status cell '" + row.get(1) + "' in " + excerpt());
            }
            executions.add(new Execution(Long.parseLong(row.get(0)), status.group(1),
                    status.group(2) == null ? "" : status.group(2).strip(), row.get(4)));
        }
        return executions;
    }

    public Optional<Execution> execution(long id) {
        return executions().stream().filter(e -> e.id() == id).findFirst();
    }

    /** The body rows of the table with this id, each as its cells' text. */
    private List<List<String>> rows(String tableId) {
        int start = body.indexOf("id=\"" + tableId + "\"");
        if (start < 0) {
            throw new AssertionError("/admin/linking has no table " + tableId + "; status " + status + ", body " + excerpt());
        }
        int tbody = body.indexOf("<tbody>", start);
        int end = body.indexOf("</tbody>", tbody);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body.substring(tbody, end));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(String html) {
        return TAG.matcher(html).replaceAll("").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").strip();
    }

    private String excerpt() {
        return body.length() > 800 ? body.substring(0, 800) + "…" : body;
    }
}
