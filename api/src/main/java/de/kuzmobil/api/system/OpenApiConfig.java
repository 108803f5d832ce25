package de.kuzmobil.api.system;

import de.kuzmobil.api.security.ApiAccess;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: how to sign in (Basic for scripts, the session cookie for
 * the pages), which operations need no sign-in, and the problem document every error is.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI kuzMobilOpenApi() {
        return new OpenAPI()
                .info(new Info().title("kuz-mobil API").version("v1")
                        .license(new License().name("All rights reserved: no licence is granted yet. Map data © "
                                + "OpenStreetMap contributors, ODbL 1.0").url("https://opendatacommons.org/licenses/odbl/"))
                        .description("Weekly tours of Hamburg's mobile "
                        + "citizen-service teams: master data, demand, plans and hand edits for dispatchers and team "
                        + "leads; public stops, calendars and booking for citizens. Errors are RFC 9457 problem "
                        + "documents whose `errors` name each field or row at fault."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Scripts: a dispatcher's or team lead's user name and password"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION")
                                .description("The pages: the session of the sign-in form at /login; changes also "
                                        + "need the X-XSRF-TOKEN header (from the XSRF-TOKEN cookie)")))
                .servers(List.of(new Server().url("/").description("this service")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
    }

    /**
     * Per operation, from {@link ApiAccess} (the table the security filter reads too): who may call it
     * ({@code security}, {@code x-roles}, a line in the description), its 401 and 403, and a problem answer
     * for every other 4xx.
     */
    @Bean
    OpenApiCustomizer accessAndProblems() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            // framework types are no part of the contract: the event stream is text
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().remove("SseEmitter");
            }
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> op.getResponses().values()
                    .forEach(r -> {
                        if (r.getContent() != null && r.getContent().containsKey("text/event-stream")) {
                            r.getContent().get("text/event-stream").setSchema(new StringSchema()
                                    .description("event: queued | best | plan | done, data: JSON"));
                        }
                    })));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                ApiAccess.Rule rule = ApiAccess.ruleFor(method.name(), path);
                String who;
                if (rule.open()) {
                    op.setSecurity(List.of());
                    who = "Anyone, no sign-in.";
                    op.getResponses().addApiResponse("401", problem("Only when wrong credentials are sent"));
                } else {
                    List<String> roles = rule.roles().stream().sorted().toList();
                    op.addExtension("x-roles", roles);
                    who = "Roles: " + String.join(", ", roles) + ".";
                    op.getResponses().addApiResponse("401", problem("Not signed in, or wrong credentials"));
                    if (!rule.roles().containsAll(List.of("DISPATCHER", "TEAM_LEAD"))) {
                        op.getResponses().addApiResponse("403", problem("Signed in with a role that may not call this"));
                    }
                    if (rule.teamScoped()) {
                        op.addExtension("x-team-scoped", true);
                        who += " Team leads only on their own teams' tours.";
                        op.getResponses().addApiResponse("403", problem("A team lead on another team's tour"));
                    }
                }
                op.setDescription(op.getDescription() == null ? who : op.getDescription() + "\n\n" + who);
                impliedFailures(path, method.name(), op).forEach(code -> addProblem(op, code));
            }));
            // every error answer is a problem document
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> op.getResponses()
                    .forEach((code, r) -> {
                        if (code.matches("[45]\\d\\d") && r.getContent() == null) {
                            r.setContent(problem("").getContent());
                        }
                    })));
        };
    }

    /** The statuses named by {@link AlsoAnswers} on each handler method, as operation customisations. */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer declaredFailures() {
        return (op, handler) -> {
            AlsoAnswers also = handler.getMethodAnnotation(AlsoAnswers.class);
            if (also != null) {
                for (int code : also.value()) {
                    addProblem(op, code);
                }
            }
            return op;
        };
    }

    /** What an operation's shape implies it may answer. */
    private static List<Integer> impliedFailures(String path, String method, io.swagger.v3.oas.models.Operation op) {
        List<Integer> codes = new java.util.ArrayList<>(List.of(400, 500));
        if (path.contains("{")) {
            codes.add(404);
        }
        if (!method.equals("GET")) {
            codes.add(409);
        }
        if (op.getRequestBody() != null) {
            codes.addAll(List.of(413, 415));
        }
        if (op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
            codes.addAll(List.of(412, 428));
        }
        if (op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-None-Match".equalsIgnoreCase(p.getName()))) {
            codes.add(304);
        }
        return codes;
    }

    private static final java.util.Map<Integer, String> MEANING = java.util.Map.ofEntries(
            java.util.Map.entry(400, "Invalid input: `errors` names each field, parameter or row at fault"),
            java.util.Map.entry(404, "Nothing with that id (`errors` names it)"),
            java.util.Map.entry(409, "Conflicts with the current state or with stored data (the detail says which)"),
            java.util.Map.entry(412, "If-Match does not match the current version: read it again"),
            java.util.Map.entry(413, "Body too large (JSON 1 MB; CSV 5 MB or 10,000 rows)"),
            java.util.Map.entry(415, "Not JSON (or CSV where offered), or not UTF-8"),
            java.util.Map.entry(422, "Well-formed but not possible with the data as it is"),
            java.util.Map.entry(428, "If-Match missing: send the ETag you read (or *)"),
            java.util.Map.entry(429, "Too many requests or listeners; Retry-After says when to try again"),
            java.util.Map.entry(500, "Unexpected error; `reference` ties it to the service's log"),
            java.util.Map.entry(503, "The road graph is still loading; Retry-After says when to try again"));

    private static void addProblem(io.swagger.v3.oas.models.Operation op, int code) {
        String key = String.valueOf(code);
        if (code == 304) {
            op.getResponses().addApiResponse(key, new ApiResponse().description("Not modified: the ETag sent in"
                    + " If-None-Match is still current"));
        } else if (op.getResponses().get(key) == null) {
            op.getResponses().addApiResponse(key, problem(MEANING.getOrDefault(code, "A problem document")));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem document")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
