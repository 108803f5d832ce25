package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.KuzMobilApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A second instance in its own process takes a run and is killed with SIGKILL mid-solve (no shutdown,
 * no hand-back): this test's instance finds its execution dead once its heartbeats stop, revives it
 * within two minutes and continues from the last checkpoint, ending no worse than it; the published
 * plan and the public stops do not change meanwhile.
 */
@DirtiesContext
class KilledInstanceTest extends ApiTest {

    private static final String WEEK = "2026-12-07";
    private static final String STOPS = "/api/v1/public/stops?from=2026-12-07&to=2026-12-13&size=200";

    @Autowired
    SolverQueue queue;
    @Autowired
    PlanSignals signals;

    private Process other;

    @AfterEach
    void killLeftovers() {
        if (other != null) {
            other.destroyForcibly();
        }
        queue.takeRuns(true);
    }

    @Test
    void aRunOfAKilledInstanceIsRevivedAndContinuedFromItsCheckpoint() throws Exception {
        long publishedId = planAndPublish(WEEK, 3).get("id").asLong();
        String publishedBefore = dispatcher().get("/api/v1/plans/" + publishedId).body();
        String stopsBefore = anonymous().get(STOPS).body();

        queue.takeRuns(false); // so that the other process takes the run
        other = startOtherInstance();
        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 90}")
                .json().get("id").asLong();
        var jdbc = schema().jdbc();
        // until the other process runs it and has stored a checkpoint
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (jdbc.sql("select count(*) from solver_job j join plan p on p.id = j.plan_id where j.plan_id = ?"
                        + " and j.status = 'RUNNING' and j.instance_id <> ? and p.score is not null")
                .params(id, signals.instance()).query(Long.class).single() == 0) {
            assertThat(other.isAlive()).as("the other instance runs (see target/other-instance.log)").isTrue();
            assertThat(System.nanoTime()).as("the other instance took the run").isLessThan(deadline);
            Thread.sleep(250);
        }
        Thread.sleep(3_000); // a checkpoint or two more
        other.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: nothing runs on its way out
        long killed = System.nanoTime();
        String checkpoint = dispatcher().get("/api/v1/plans/" + id).json().get("score").asString();
        queue.takeRuns(true);

        while (jdbc.sql("select count(*) from solver_job where plan_id = ? and instance_id = ? and status = 'RUNNING'")
                .params(id, signals.instance()).query(Long.class).single() == 0) {
            assertThat(System.nanoTime() - killed).as("revived within two minutes").isLessThan(120_000_000_000L);
            Thread.sleep(250);
        }
        double revivedAfter = (System.nanoTime() - killed) / 1e9;
        assertThat(dispatcher().get("/api/v1/plans/" + id).json().get("status").asString()).isEqualTo("SOLVING");
        Thread.sleep(5_000);
        assertThat(dispatcher().delete("/api/v1/plans/" + id + "/solving").status()).isEqualTo(202);
        JsonNode done = awaitNotSolving(id);
        System.out.printf("KILLED_INSTANCE revived %.1f s after SIGKILL; checkpoint %s, final %s%n", revivedAfter,
                checkpoint, done.get("score").asString());
        assertThat(done.get("status").asString()).isEqualTo("SOLVED");
        assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asString()))
                .as("continued from the checkpoint, never worse").isGreaterThanOrEqualTo(
                        HardMediumSoftLongScore.parseScore(checkpoint));
        assertThat(jdbc.sql("select pickups from solver_job where plan_id = ?").param(id).query(Integer.class).single())
                .as("picked by the killed instance, then once here").isEqualTo(2);

        assertThat(dispatcher().get("/api/v1/plans/" + publishedId).body()).as("the published plan")
                .isEqualTo(publishedBefore).contains("\"status\":\"PUBLISHED\"");
        assertThat(anonymous().get(STOPS).body()).isEqualTo(stopsBefore);
    }

    /** The application in a JVM of its own on this test's database, its output in target/. */
    private static Process startOtherInstance() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), KuzMobilApplication.class.getName()));
        command.addAll(secondInstanceArguments());
        File log = new File("target/other-instance.log");
        Files.deleteIfExists(log.toPath());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
