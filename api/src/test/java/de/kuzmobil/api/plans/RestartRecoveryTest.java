package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The database as a killed instance leaves it (a plan SOLVING with a RUNNING job whose execution's
 * heartbeat stopped, a plan SOLVING without a job), beside a run of another instance that is alive and
 * a published plan: after start-up the killed instance's run is revived and continued here and ends
 * SOLVED, the plan without a job is FAILED, the live instance's run is untouched and the published plan
 * intact.
 */
@DirtiesContext
class RestartRecoveryTest extends ApiTest {

    static long interrupted;
    static long published;
    static long elsewhere;
    static long stuck;

    @DynamicPropertySource
    static void stateOfAKilledProcess(DynamicPropertyRegistry registry) {
        var jdbc = schema().jdbc();
        published = jdbc.sql("insert into plan (week_start, status, score, published_at, travel_times)"
                + " values ('2026-12-14', 'PUBLISHED', '0hard/0medium/-10soft', now(), 'estimated') returning id")
                .query(Long.class).single();
        interrupted = jdbc.sql("insert into plan (week_start, status, solve_seconds, updated_at)"
                + " values ('2026-12-07', 'SOLVING', 5, now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        long killedJob = jdbc.sql("insert into solver_job (plan_id, status, seconds, started_at, instance_id, heartbeat_at)"
                + " values (?, 'RUNNING', 5, now() - interval '3 minutes', 'killed', now() - interval '2 minutes')"
                + " returning id").param(interrupted).query(Long.class).single();
        execution(jdbc, killedJob, "killed", "now() - interval '2 minutes'");
        // a plan whose run had ended but whose row a crash left SOLVING: nothing to continue
        stuck = jdbc.sql("insert into plan (week_start, status, solve_seconds, updated_at)"
                + " values ('2026-12-14', 'SOLVING', 30, now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        // another instance on the same database, alive: its run is none of this instance's business
        elsewhere = jdbc.sql("insert into plan (week_start, status, solve_seconds, updated_at)"
                + " values ('2026-12-14', 'SOLVING', 30, now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        long liveJob = jdbc.sql("insert into solver_job (plan_id, status, seconds, started_at, instance_id, heartbeat_at)"
                + " values (?, 'RUNNING', 30, now(), 'alive', now() + interval '1 hour') returning id")
                .param(elsewhere).query(Long.class).single();
        execution(jdbc, liveJob, "alive", "now() + interval '1 hour'");
    }

    /** The job's execution, picked by {@code instance}, with its last heartbeat. */
    private static void execution(org.springframework.jdbc.core.simple.JdbcClient jdbc, long jobId, String instance,
                                  String lastHeartbeat) {
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,"
                        + " last_heartbeat, version) values ('solve-plan', ?, now() - interval '3 minutes', true, ?, "
                        + lastHeartbeat + ", 1)")
                .params(String.valueOf(jobId), instance).update();
    }

    @Test
    void aDeadInstancesRunIsContinuedHereAndNothingStaysStuck() {
        JsonNode plan = awaitNotSolving(interrupted);
        assertThat(plan.get("status").asString()).as("taken over and solved, not failed").isEqualTo("SOLVED");
        assertThat(plan.get("score").isNull()).isFalse();
        assertThat(schema().jdbc().sql("select count(*) from solver_job where plan_id = ? and status = 'DONE'")
                .param(interrupted).query(Long.class).single()).isEqualTo(1);
        JsonNode failed = dispatcher().get("/api/v1/plans/" + stuck).json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("INTERRUPTED");
        assertThat(dispatcher().get("/api/v1/plans/" + elsewhere).json().get("status").asString())
                .as("a live instance's run stays SOLVING").isEqualTo("SOLVING");
        JsonNode kept = dispatcher().get("/api/v1/plans/" + published).json();
        assertThat(kept.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(kept.get("score").asString()).isEqualTo("0hard/0medium/-10soft");
        // the events stream of a failed plan ends at once with its final state
        Response events = dispatcher().get("/api/v1/plans/" + stuck + "/events");
        assertThat(events.body()).contains("event:done").contains("FAILED");
    }
}
