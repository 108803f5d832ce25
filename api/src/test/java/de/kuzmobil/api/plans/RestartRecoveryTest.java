package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The database as a killed process leaves it (a plan SOLVING with a RUNNING job, beside a published
 * plan), beside a run of another instance that is alive; after start-up the interrupted plan is FAILED,
 * never stuck, the other instance's run untouched and the published plan intact.
 */
@DirtiesContext
class RestartRecoveryTest extends ApiTest {

    static long interrupted;
    static long published;
    static long elsewhere;

    @DynamicPropertySource
    static void stateOfAKilledProcess(DynamicPropertyRegistry registry) {
        var jdbc = schema().jdbc();
        published = jdbc.sql("insert into plan (week_start, status, score, published_at, travel_times)"
                + " values ('2026-12-14', 'PUBLISHED', '0hard/0medium/-10soft', now(), 'estimated') returning id")
                .query(Long.class).single();
        interrupted = jdbc.sql("insert into plan (week_start, status, solve_seconds, updated_at)"
                + " values ('2026-12-14', 'SOLVING', 30, now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        jdbc.sql("insert into solver_job (plan_id, status, seconds, started_at, instance_id, heartbeat_at)"
                + " values (?, 'RUNNING', 30, now(), 'killed', now() - interval '2 minutes')").param(interrupted).update();
        // another instance on the same database, alive: its run is none of this instance's business
        elsewhere = jdbc.sql("insert into plan (week_start, status, solve_seconds, updated_at)"
                + " values ('2026-12-14', 'SOLVING', 30, now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        jdbc.sql("insert into solver_job (plan_id, status, seconds, started_at, instance_id, heartbeat_at)"
                + " values (?, 'RUNNING', 30, now(), 'alive', now() + interval '1 hour')").param(elsewhere).update();
    }

    @Test
    void interruptedPlanIsFailedAndPublishedPlanIntact() {
        JsonNode plan = dispatcher().get("/api/v1/plans/" + interrupted).json();
        assertThat(plan.get("status").asString()).isEqualTo("FAILED");
        assertThat(plan.get("failure").asString()).contains("INTERRUPTED");
        assertThat(schema().jdbc().sql("select status from solver_job where plan_id = ?").param(interrupted)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(dispatcher().get("/api/v1/plans/" + elsewhere).json().get("status").asString())
                .as("a live instance's run stays SOLVING").isEqualTo("SOLVING");
        JsonNode kept = dispatcher().get("/api/v1/plans/" + published).json();
        assertThat(kept.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(kept.get("score").asString()).isEqualTo("0hard/0medium/-10soft");
        // the events stream of a failed plan ends at once with its final state
        Response events = dispatcher().get("/api/v1/plans/" + interrupted + "/events");
        assertThat(events.body()).contains("event:done").contains("FAILED");
    }
}
