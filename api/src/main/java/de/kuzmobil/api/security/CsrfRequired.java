package de.kuzmobil.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry a CSRF token: every state-changing request that a browser could send on
 * a signed-in user's behalf from another site. That is a request riding on a session cookie, a
 * sign-in (login CSRF), and a request with Basic credentials that comes from another site — browsers
 * cache Basic credentials and send them along with a cross-site form. Scripts that send their
 * credentials themselves (curl, Swagger UI on this origin) need no token.
 */
final class CsrfRequired implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        if (request.getServletPath().equals("/login")) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return basic ? fromAnotherSite(request) : request.getRequestedSessionId() != null;
    }

    /** What browsers say about where a request comes from; scripts send neither header. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
