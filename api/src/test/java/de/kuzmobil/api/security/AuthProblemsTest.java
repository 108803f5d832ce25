package de.kuzmobil.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** 401 and 403 are problem documents like all others: UTF-8, with title, status, detail and instance. */
@DirtiesContext
class AuthProblemsTest extends ApiTest {

    @Test
    void unauthenticatedAndForbiddenAreCompleteProblems() {
        Response anonymous = anonymous().get("/api/v1/plans?x=%22quoted%22");
        Response wrongPassword = new Client("dispatcher", "wrong").get("/api/v1/teams");
        Response forbidden = teamLead().post("/api/v1/plans", "{\"weekStart\": \"2026-12-07\"}");
        for (Response r : new Response[] {anonymous, wrongPassword, forbidden}) {
            assertThat(r.header("Content-Type")).isEqualToIgnoringCase("application/problem+json;charset=UTF-8");
            JsonNode p = r.json();
            assertThat(p.get("status").asInt()).isEqualTo(r.status());
            assertThat(p.get("title").asString()).isNotBlank();
            assertThat(p.get("detail").asString()).isNotBlank();
            assertThat(p.get("instance").asString()).startsWith("/api/v1/");
        }
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).contains("POST /api/v1/plans");
    }
}
