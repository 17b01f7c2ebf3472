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
}
