package vn.portal.web.interfaces.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;

/**
 * The page language: Vietnamese unless the visitor chose English with {@code ?lang=en} (remembered for the session,
 * see {@link LanguageFilter}).
 */
@Named
@RequestScoped
public class LocaleSelector {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String SESSION_ATTRIBUTE = "vn.portal.web.locale";

    @Inject
    HttpServletRequest request;

    public Locale getLocale() {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return chosen instanceof String tag ? Locale.forLanguageTag(tag) : VIETNAMESE;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * The relative address of this page in {@code language}: the page's own query (an import's {@code job}, a review
     * filter and page) with {@code lang} replaced, so switching language keeps the administrator on what they were
     * looking at instead of dropping them on the bare page.
     */
    public String switchTo(String language) {
        return switchQuery(request.getQueryString(), language);
    }

    /** {@code ?<query without lang>&lang=<language>}; the query stays as the browser sent it (already encoded). */
    static String switchQuery(String rawQuery, String language) {
        StringBuilder kept = new StringBuilder("?");
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("lang")) {
                    kept.append(pair).append('&');
                }
            }
        }
        return kept.append("lang=").append(language).toString();
    }
}
