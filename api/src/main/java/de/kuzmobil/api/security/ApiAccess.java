package de.kuzmobil.api.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which part of {@code /api/v1}: one table that both the security filter and the API
 * document read, so what the document says is what the service does. First match wins.
 */
public final class ApiAccess {

    /**
     * Requests of {@code method} (any when null) on {@code pattern}: for {@code roles}, or anyone when
     * empty; {@code teamScoped}: a team lead only on their own teams' tours (checked by the operation).
     */
    public record Rule(HttpMethod method, String pattern, Set<String> roles, boolean teamScoped) {

        Rule(HttpMethod method, String pattern, Set<String> roles) {
            this(method, pattern, roles, false);
        }

        public boolean open() {
            return roles.isEmpty();
        }

        boolean matches(String httpMethod, String path) {
            return (method == null || method.name().equals(httpMethod))
                    && PARSER.parse(pattern).matches(org.springframework.http.server.PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    public static final List<Rule> RULES = List.of(
            new Rule(null, "/api/v1/public/**", Set.of()),
            new Rule(HttpMethod.GET, "/api/v1/sites/**", Set.of()),
            new Rule(HttpMethod.GET, "/api/v1/service-types/**", Set.of()),
            new Rule(HttpMethod.GET, "/api/v1/me", Set.of(SecurityConfig.DISPATCHER, SecurityConfig.TEAM_LEAD)),
            new Rule(HttpMethod.GET, "/api/v1/plans/**", Set.of(SecurityConfig.DISPATCHER, SecurityConfig.TEAM_LEAD)),
            new Rule(HttpMethod.PATCH, "/api/v1/plans/*/visits/*",
                    Set.of(SecurityConfig.DISPATCHER, SecurityConfig.TEAM_LEAD), true),
            new Rule(HttpMethod.POST, "/api/v1/plans/*/reoptimize",
                    Set.of(SecurityConfig.DISPATCHER, SecurityConfig.TEAM_LEAD)),
            // a team lead may start a re-optimisation, so may stop it
            new Rule(HttpMethod.DELETE, "/api/v1/plans/*/solving",
                    Set.of(SecurityConfig.DISPATCHER, SecurityConfig.TEAM_LEAD)),
            new Rule(null, "/api/v1/**", Set.of(SecurityConfig.DISPATCHER)));

    private ApiAccess() {
    }

    /** The rule for a request (path as the API document writes it, e.g. /api/v1/plans/{id}). */
    public static Rule ruleFor(String httpMethod, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        return RULES.stream().filter(r -> r.matches(httpMethod, concrete)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no access rule for " + httpMethod + " " + path));
    }
}
