package de.kuzmobil.data.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Solver jobs and their state, so that a restart can tell what was running. */
@Repository
public class SolverJobRepository {

    /** A job's state as stored. */
    public record SolverJob(long id, long planId, String status, int seconds, String bestScore, String error) {
    }

    /** What listeners on another instance need of a plan's running job. */
    public record Progress(String bestScore, Long elapsedMillis, Integer queuePosition) {
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

    /** A new job of {@code instance}, alive as of now. */
    public long create(long planId, int seconds, String instance) {
        return jdbc.sql("insert into solver_job (plan_id, status, seconds, instance_id, heartbeat_at)"
                        + " values (?, 'QUEUED', ?, ?, now()) returning id")
                .params(planId, seconds, instance).query(Long.class).single();
    }

    /** Hands a job back: queued for any instance to continue (see {@link #claimOrphans}). */
    public void release(long jobId) {
        jdbc.sql("""
                update solver_job set status = 'QUEUED', instance_id = null, queue_position = null,
                heartbeat_at = now() where id = ? and status in ('QUEUED', 'RUNNING')""")
                .param(jobId).update();
    }

    /** A job taken over by this instance: its plan and the seconds it has left. */
    public record Orphan(long jobId, long planId, int secondsLeft) {
    }

    /**
     * Takes over jobs handed back or left by an instance that showed no life for {@code staleSeconds};
     * each is claimed by one instance only (row locks, skipped when another instance holds them).
     */
    public List<Orphan> claimOrphans(String instance, int staleSeconds, int limit) {
        return jdbc.sql("""
                with orphan as (
                    select id, greatest(10, seconds - coalesce(greatest(0,
                        extract(epoch from (heartbeat_at - started_at)))::int, 0)) as seconds_left
                    from solver_job j
                    where status in ('QUEUED', 'RUNNING')
                    and (instance_id is null or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))
                    and exists (select 1 from plan p where p.id = j.plan_id and p.status = 'SOLVING')
                    order by id limit ? for update skip locked)
                update solver_job j set instance_id = ?, heartbeat_at = now() from orphan o where j.id = o.id
                returning j.id, j.plan_id, o.seconds_left""")
                .params(staleSeconds, limit, instance)
                .query((rs, n) -> new Orphan(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    /** The instance's active jobs are alive. */
    public void heartbeat(String instance) {
        jdbc.sql("update solver_job set heartbeat_at = now() where instance_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(instance).update();
    }

    public void queuePosition(long jobId, Integer position) {
        jdbc.sql("update solver_job set queue_position = ? where id = ?").params(position, jobId).update();
    }

    /** True when the plan has a queued or running job whose instance showed life within {@code staleSeconds}. */
    public boolean hasLiveJob(long planId, int staleSeconds) {
        return jdbc.sql("""
                select count(*) from solver_job where plan_id = ? and status in ('QUEUED', 'RUNNING')
                and heartbeat_at >= now() - make_interval(secs => ?)""")
                .params(planId, staleSeconds).query(Long.class).single() > 0;
    }

    /** The plan's active job's best score so far, time since it began, and place in its queue. */
    public Optional<Progress> progress(long planId) {
        return jdbc.sql("""
                select best_score, (extract(epoch from now() - started_at) * 1000)::bigint, queue_position
                from solver_job where plan_id = ? and status in ('QUEUED', 'RUNNING')""")
                .param(planId)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Integer.class)))
                .optional();
    }

    public void running(long jobId) {
        jdbc.sql("update solver_job set status = 'RUNNING', started_at = now(), queue_position = null where id = ?")
                .param(jobId).update();
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

    /** Jobs left QUEUED or RUNNING by an instance that showed no life for {@code staleSeconds}. */
    public int failStale(String reason, int staleSeconds) {
        return jdbc.sql("""
                update solver_job set status = 'FAILED', error = ?, finished_at = now()
                where status in ('QUEUED', 'RUNNING')
                and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))""")
                .params(reason, staleSeconds).update();
    }
}
