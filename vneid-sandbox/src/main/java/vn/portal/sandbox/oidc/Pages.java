package vn.portal.sandbox.oidc;

import vn.portal.sandbox.citizen.Citizen;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static vn.portal.sandbox.http.Html.escape;

/**
 * The few HTML pages a tester sees: the citizen picker, error pages and the signed-out page. Vietnamese by default,
 * English when the relying party asks for it with {@code ui_locales} (OpenID Connect Core 1.0 §3.1.2.1).
 */
final class Pages {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "vn.portal.sandbox.messages";

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f4f4f4;line-height:1.5}
            .bar{background:#a50e16;color:#fff;padding:12px 20px;display:flex;align-items:center;gap:14px}
            .emblem{width:44px;height:44px;border-radius:50%;background:#ffd400;color:#a50e16;display:flex;
              align-items:center;justify-content:center;font-size:26px;font-weight:bold;flex:none}
            .org{margin:0;font-size:.85rem;text-transform:uppercase;letter-spacing:.05em}
            h1{margin:0;font-size:1.4rem}
            .sandbox{background:#fff3cd;border:3px dashed #8a5a00;color:#4d3300;margin:16px auto;max-width:880px;padding:12px 16px}
            .sandbox strong{display:block;font-size:1.3rem}
            main{max-width:880px;margin:0 auto 24px;background:#fff;padding:16px 20px;border-radius:6px;
              box-shadow:0 1px 3px rgba(0,0,0,.15)}
            .alert{border-left:6px solid #a50e16;background:#fdecea;padding:10px 14px;margin:12px 0}
            .info{border-left:6px solid #0b5394;background:#e8f0fb;padding:10px 14px;margin:12px 0}
            table{width:100%;border-collapse:collapse;margin:12px 0}
            caption{text-align:left;font-weight:bold;font-size:1.1rem;padding:6px 0}
            th,td{text-align:left;padding:10px 8px;border-bottom:1px solid #ddd;vertical-align:middle}
            td.pid{font-family:Consolas,monospace;white-space:nowrap}
            tr.ineligible{color:#595959}
            button{font:inherit;cursor:pointer;border-radius:4px;padding:8px 16px;min-height:44px}
            .signin{background:#a50e16;color:#fff;border:0;font-weight:bold}
            .signin:disabled{background:#767676;cursor:not-allowed}
            .cancel{background:#fff;color:#1a1a1a;border:1px solid #595959}
            button:focus-visible,input:focus-visible{outline:3px solid #0b5394;outline-offset:2px}
            label{font-weight:bold;display:block}
            input[type=text]{font:inherit;padding:8px;min-height:44px;width:12em;border:1px solid #595959;border-radius:4px}
            footer{text-align:center;font-size:.85rem;color:#4d4d4d;padding:0 12px 20px}
            #otp-hint{display:block;font-size:.9rem;color:#4d4d4d}
            @media (max-width:600px){th.lvl,td.lvl{display:none}td,th{padding:8px 4px}h1{font-size:1.15rem}
              .sandbox{margin:12px 8px}main{margin:0 8px 16px;padding:12px}}
            """;

    private Pages() {
    }

    static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: an English-speaking server must still serve Vietnamese first.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String text(Locale locale, String key, Object... args) {
        ResourceBundle b = bundle(locale);
        return new MessageFormat(b.getString(key), locale).format(args);
    }

    /** The language for a request: English only when asked for first among the supported languages. */
    static Locale localeFor(List<String> uiLocales) {
        if (uiLocales != null) {
            for (String tag : uiLocales) {
                String lang = Locale.forLanguageTag(tag).getLanguage();
                if ("vi".equals(lang)) {
                    return VIETNAMESE;
                }
                if ("en".equals(lang)) {
                    return Locale.ENGLISH;
                }
            }
        }
        return VIETNAMESE;
    }

    /**
     * The parts of a picker page that are the same for every transaction of one language and required level, so
     * each request only fills in its own fields (the load benchmark renders hundreds of pickers per second).
     */
    record PickerTemplate(String top, String formStart, String bottom) {
    }

    /** The citizen picker for a transaction, with an optional error message above the list. */
    static String picker(AuthorizationTransaction tx, PickerTemplate template, String errorMessage) {
        StringBuilder b = new StringBuilder(template.top().length() + template.bottom().length() + 512);
        b.append(template.top());
        if (errorMessage != null) {
            b.append("<p class=\"alert\" role=\"alert\" id=\"error\">").append(escape(errorMessage)).append("</p>\n");
        }
        b.append(template.formStart())
                .append("<input type=\"hidden\" name=\"tx\" value=\"").append(escape(tx.id)).append("\">\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(tx.csrfToken)).append("\">\n")
                .append(template.bottom());
        return b.toString();
    }

    /** Builds the fixed parts of the picker. Level-1 citizens cannot be chosen when level 2 is required. */
    static PickerTemplate pickerTemplate(Locale l, String clientId, int requiredLevel, int requestedLevel,
                                         List<Citizen> citizens, boolean otpEnabled, String decisionPath) {
        StringBuilder b = head(l);
        b.append("<main>\n<p>").append(escape(text(l, "picker.request", clientId))).append("</p>\n");
        if (requestedLevel >= 2) {
            String notice = requiredLevel >= 2 ? text(l, "acr.level2") : text(l, "acr.level2voluntary");
            b.append("<p class=\"info\" id=\"acr-notice\">").append(escape(notice)).append("</p>\n");
        }
        String top = b.toString();
        String formStart = "<form method=\"post\" action=\"" + escape(decisionPath) + "\">\n";
        b = new StringBuilder(8192);
        if (otpEnabled) {
            b.append("<p><label for=\"otp\">").append(escape(text(l, "otp.label"))).append("</label>")
                    .append("<input type=\"text\" id=\"otp\" name=\"otp\" inputmode=\"numeric\" autocomplete=\"one-time-code\"")
                    .append(" pattern=\"[0-9]*\" maxlength=\"10\" required aria-describedby=\"otp-hint\"> ")
                    .append("<span id=\"otp-hint\">").append(escape(text(l, "otp.hint"))).append("</span></p>\n");
        }
        b.append("<table>\n<caption>").append(escape(text(l, "picker.caption"))).append("</caption>\n")
                .append("<thead><tr><th scope=\"col\">").append(escape(text(l, "picker.name")))
                .append("</th><th scope=\"col\">").append(escape(text(l, "picker.pid")))
                .append("</th><th scope=\"col\" class=\"lvl\">").append(escape(text(l, "picker.level")))
                .append("</th><th scope=\"col\">").append(escape(text(l, "picker.action"))).append("</th></tr></thead>\n<tbody>\n");
        for (Citizen c : citizens) {
            boolean eligible = c.accountLevel() >= requiredLevel;
            b.append("<tr").append(eligible ? "" : " class=\"ineligible\"").append(" data-level=\"")
                    .append(c.accountLevel()).append("\"><td>").append(escape(c.fullName()))
                    .append("</td><td class=\"pid\">").append(escape(c.maskedPersonalId()))
                    .append("</td><td class=\"lvl\">").append(escape(text(l, "level." + c.accountLevel())))
                    .append("</td><td>");
            if (eligible) {
                b.append("<button type=\"submit\" class=\"signin\" name=\"citizen\" value=\"")
                        .append(escape(c.personalId())).append("\" aria-label=\"")
                        .append(escape(text(l, "picker.signinAs", c.fullName()))).append("\">")
                        .append(escape(text(l, "picker.signin"))).append("</button>");
            } else {
                b.append("<button type=\"button\" class=\"signin\" disabled aria-label=\"")
                        .append(escape(text(l, "picker.signinAs", c.fullName()) + " — " + text(l, "picker.notEligible")))
                        .append("\">").append(escape(text(l, "picker.notEligible"))).append("</button>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<p><button type=\"submit\" class=\"cancel\" name=\"action\" value=\"cancel\"")
                .append(" formnovalidate>").append(escape(text(l, "picker.cancel"))).append("</button></p>\n")
                .append("</form>\n</main>\n");
        return new PickerTemplate(top, formStart, foot(b, l));
    }

    /** An error page for problems that must not be redirected to the client (RFC 6749 §4.1.2.1). */
    static String error(Locale l, String message) {
        StringBuilder b = head(l);
        b.append("<main>\n<h2>").append(escape(text(l, "error.title"))).append("</h2>\n")
                .append("<p class=\"alert\" role=\"alert\" id=\"error\">").append(escape(message)).append("</p>\n")
                .append("<p>").append(escape(text(l, "error.back"))).append("</p>\n</main>\n");
        return foot(b, l);
    }

    static String loggedOut(Locale l) {
        StringBuilder b = head(l);
        b.append("<main>\n<h2>").append(escape(text(l, "logout.title"))).append("</h2>\n<p id=\"logged-out\">")
                .append(escape(text(l, "logout.done"))).append("</p>\n</main>\n");
        return foot(b, l);
    }

    private static StringBuilder head(Locale l) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(l.getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(text(l, "page.title"))).append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header class=\"bar\"><div class=\"emblem\" aria-hidden=\"true\">&#9733;</div><div>")
                .append("<p class=\"org\">").append(escape(text(l, "header.org"))).append("</p><h1>")
                .append(escape(text(l, "header.title"))).append("</h1></div></header>\n")
                .append("<div class=\"sandbox\" role=\"note\" id=\"sandbox-notice\"><strong>")
                .append(escape(text(l, "sandbox.notice"))).append("</strong>")
                .append(escape(text(l, "sandbox.explain"))).append("</div>\n");
        return b;
    }

    private static String foot(StringBuilder b, Locale l) {
        b.append("<footer>").append(escape(text(l, "footer.text"))).append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }
}
