package de.kuzmobil.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401 (who are you?) and 403 (not allowed) as problem documents like every other error. */
@Component
class ProblemAuthHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // the pages' own requests say so: no Basic challenge then, or the browser would pop up its
        // password dialog and cache what is typed there (the page sends its users to /login instead)
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kuz-mobil\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Sign in at /login, or send HTTP Basic credentials of a dispatcher or team lead");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "Cross-site request refused", "A state-changing request from a"
                    + " browser needs the CSRF token of this site (cookie XSRF-TOKEN, header X-XSRF-TOKEN)");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not " + request.getMethod() + " "
                + request.getRequestURI());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
