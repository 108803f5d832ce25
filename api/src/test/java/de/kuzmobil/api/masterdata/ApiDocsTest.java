package de.kuzmobil.api.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** OpenAPI document and Swagger UI are public and describe the endpoints. */
@DirtiesContext
class ApiDocsTest extends ApiTest {

    @Test
    void openApiListsTheEndpointsAndSwaggerUiIsServed() {
        Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/plans")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/public/stops")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/plans/{planId}/visits/{visitId}")).isTrue();
        Response ui = anonymous().send(java.net.http.HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET());
        assertThat(ui.status()).isEqualTo(200);
    }
}
