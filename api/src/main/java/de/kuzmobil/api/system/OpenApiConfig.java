package de.kuzmobil.api.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
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
                .info(new Info().title("kuz-mobil API").version("v1").description("Weekly tours of Hamburg's mobile "
                        + "citizen-service teams: master data, demand, plans and hand edits for dispatchers and team "
                        + "leads; public stops, calendars and booking for citizens. Errors are RFC 9457 problem "
                        + "documents whose `errors` name each field or row at fault."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Scripts: a dispatcher's or team lead's user name and password"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The pages: the session of the sign-in form at /login; changes also "
                                        + "need the X-XSRF-TOKEN header (from the XSRF-TOKEN cookie)")))
                .servers(List.of(new Server().url("/").description("this service")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
    }

    /** Marks what anyone may call (as {@code SecurityConfig} permits it) and adds the problem answer. */
    @Bean
    OpenApiCustomizer publicOperationsAndProblems() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                if (isPublic(method, path)) {
                    op.setSecurity(List.of());
                }
                if (op.getResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                    op.getResponses().addApiResponse("4XX", new ApiResponse()
                            .description("A problem document naming the field or row at fault")
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                }
            }));
        };
    }

    static boolean isPublic(PathItem.HttpMethod method, String path) {
        return path.startsWith("/api/v1/public/") || (method == PathItem.HttpMethod.GET
                && (path.startsWith("/api/v1/sites") || path.startsWith("/api/v1/service-types")));
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
