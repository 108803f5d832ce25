package de.kuzmobil.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 (who are you?) and 403 (not allowed) as problem documents like every other error. */
@Component
class ProblemAuthHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemAuthHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // the pages' own requests say so: no Basic challenge then, or the browser would pop up its
        // password dialog and cache what is typed there (the page sends its users to /login instead)
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kuz-mobil\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Sign in at /login, or send HTTP Basic credentials of a dispatcher or team lead");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused", "A state-changing request from a"
                    + " browser needs the CSRF token of this site (cookie XSRF-TOKEN, header X-XSRF-TOKEN)");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not " + request.getMethod() + " "
                + request.getRequestURI());
    }

    /** The same problem document as every other error: UTF-8, with the request as its instance. */
    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a path that is no URI: the problem goes without its instance
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
