package de.kuzmobil.data.plan;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Solver jobs and their state, so that a restart can tell what was running. */
@Repository
public class SolverJobRepository {

    /** A job's state as stored. */
    public record SolverJob(long id, long planId, String status, int seconds, String bestScore, String error) {
    }

    private final JdbcClient jdbc;

    public SolverJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends whatever a plan still has queued or running (a new run replaces it). */
    public void failActive(long planId, String reason) {
        jdbc.sql("""
                update solver_job set status = 'FAILED', error = ?, finished_at = now()
                where plan_id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(reason, planId).update();
    }

    public long create(long planId, int seconds) {
        return jdbc.sql("insert into solver_job (plan_id, status, seconds) values (?, 'QUEUED', ?) returning id")
                .params(planId, seconds).query(Long.class).single();
    }

    public void running(long jobId) {
        jdbc.sql("update solver_job set status = 'RUNNING', started_at = now() where id = ?").param(jobId).update();
    }

    public void bestScore(long jobId, String score) {
        jdbc.sql("update solver_job set best_score = ? where id = ?").params(score, jobId).update();
    }

    public void finished(long jobId, String status, String error) {
        jdbc.sql("update solver_job set status = ?, error = ?, finished_at = now() where id = ?")
                .params(status, error, jobId).update();
    }

    public Optional<SolverJob> latestForPlan(long planId) {
        return jdbc.sql("select id, plan_id, status, seconds, best_score, error from solver_job where plan_id = ?"
                        + " order by id desc limit 1")
                .param(planId).query(SolverJob.class).optional();
    }

    /** Jobs a dead process left QUEUED or RUNNING. */
    public int failInterrupted(String reason) {
        return jdbc.sql("""
                update solver_job set status = 'FAILED', error = ?, finished_at = now()
                where status in ('QUEUED', 'RUNNING')""")
                .param(reason).update();
    }
}
