package vn.portal.web.interfaces.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/** Remembers {@code ?lang=vi|en} in the session; anything else is ignored. */
@WebFilter(urlPatterns = "/*")
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SUPPORTED = Set.of("vi", "en");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Only GETs: reading a parameter of a POST here would parse its body before anything downstream sees it.
        if ("GET".equals(request.getMethod())) {
            String lang = request.getParameter("lang");
            if (lang != null && SUPPORTED.contains(lang)) {
                request.getSession().setAttribute(LocaleSelector.SESSION_ATTRIBUTE, lang);
            }
        }
        chain.doFilter(request, response);
    }
}
