package de.kuzmobil.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.FixedClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Booking and cancelling are limited per client address; the answer says when to come back. */
@DirtiesContext
@Import(FixedClock.class)
class RateLimitApiTest extends ApiTest {

    @DynamicPropertySource
    static void threePerMinute(DynamicPropertyRegistry registry) {
        registry.add("kuzmobil.booking.rate-limit-per-minute", () -> "3");
    }

    @Test
    void theFourthAttemptInAMinuteIsAProblemWithRetryAfter() {
        String body = "{\"service\": \"ID_CARD\", \"name\": \"A\", \"email\": \"a@example.org\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(anonymous().post("/api/v1/public/stops/999999/bookings", body).status()).isEqualTo(404);
        }
        assertThat(anonymous().delete("/api/v1/public/bookings/aaaaaaaaaaaaaaaaaaaaaaaaaa").status()).isEqualTo(404);
        Response limited = anonymous().post("/api/v1/public/stops/999999/bookings", body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(anonymous().delete("/api/v1/public/bookings/aaaaaaaaaaaaaaaaaaaaaaaaaa").status()).isEqualTo(429);
        assertThat(anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13").status())
                .as("reading stays free").isEqualTo(200);
    }
}
