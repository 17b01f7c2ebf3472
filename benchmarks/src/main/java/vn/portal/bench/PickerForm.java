package vn.portal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the driver needs from the sandbox's citizen picker: the hidden {@code tx} and {@code csrf} fields and the
 * citizens that can be chosen (rows with an enabled sign-in button). The page is ours and stable, so patterns on
 * its markup are enough; a page that does not match is a failed sign-in, not a guess.
 */
record PickerForm(String action, String transaction, String csrf, List<Choice> choices) {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern TX = Pattern.compile("name=\"tx\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile(
            "<tr[^>]*><td>([^<]+)</td>.*?<button type=\"submit\" class=\"signin\" name=\"citizen\" value=\"(\\d{12})\"");

    /** A citizen on the picker. */
    record Choice(String fullName, String personalId) {
    }

    /** @throws IllegalArgumentException naming the part of the page that is missing */
    static PickerForm parse(String html) {
        String action = first(FORM, html, "the decision form");
        String tx = first(TX, html, "the tx field");
        String csrf = first(CSRF, html, "the csrf field");
        List<Choice> choices = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            choices.add(new Choice(unescape(row.group(1)), row.group(2)));
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("no selectable citizen on the picker");
        }
        return new PickerForm(unescape(action), tx, csrf, List.copyOf(choices));
    }

    private static String first(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalArgumentException(what + " is missing from the picker page");
        }
        return m.group(1);
    }

    /** Undoes the HTML escaping of text and attribute values. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|#39);").matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String entity = m.group(1);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos", "#39" -> out.append('\'');
                default -> out.appendCodePoint(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1)));
            }
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
