package de.kuzmobil.data.plan;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Solver jobs: one run of one plan, its state and best score. Each active job is an execution of the
 * db-scheduler task {@link #TASK} (table scheduled_tasks, instance id = job id): waiting while not
 * picked, running on the instance that picked it.
 */
@Repository
public class SolverJobRepository {

    /** The db-scheduler task whose executions are solver jobs. */
    public static final String TASK = "solve-plan";

    /** A job's state as stored. */
    public record SolverJob(long id, long planId, String status, int seconds, String bestScore, String error) {
    }

    /** What listeners on another instance need of a plan's active job. */
    public record Progress(String bestScore, Long elapsedMillis, Integer queuePosition) {
    }

    /**
     * A job as the instance that picked it finds it: {@code begun} when an earlier run of it stored a
     * checkpoint to continue from, {@code seconds} what is left of its time.
     */
    public record Pickup(long jobId, long planId, int seconds, boolean begun, boolean stopRequested) {
    }

    // the waiting executions of solver jobs, in the order db-scheduler picks them
    private static final String WAITING = """
            select j.plan_id, row_number() over (order by t.execution_time, t.task_instance::bigint)::int as position
            from scheduled_tasks t join solver_job j on j.id = t.task_instance::bigint
            where t.task_name = '%s' and not t.picked and j.status in ('QUEUED', 'RUNNING')""".formatted(TASK);

    private final JdbcClient jdbc;

    public SolverJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when fewer than {@code limit} jobs are active in the database. Holds a transaction-scoped
     * lock until the caller's transaction ends, so concurrent admissions are counted one after another.
     */
    public boolean admit(int limit) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('kuz_solver_queue'))").query(Object.class).single();
        return jdbc.sql("select count(*) from solver_job where status in ('QUEUED', 'RUNNING')")
                .query(Long.class).single() < limit;
    }

    /** Ends whatever a plan still has queued or running (a new run replaces it). */
    public void failActive(long planId, String reason) {
        jdbc.sql("""
                update solver_job set status = 'FAILED', error = ?, finished_at = now()
                where plan_id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(reason, planId).update();
    }

    /** A new job, waiting for an instance to pick it. */
    public long create(long planId, int seconds) {
        return jdbc.sql("insert into solver_job (plan_id, status, seconds) values (?, 'QUEUED', ?) returning id")
                .params(planId, seconds).query(Long.class).single();
    }

    /**
     * {@code instance} picked the job: it is its now. A job that ran before (handed back, or its
     * instance died) keeps the seconds it had left, counted to its last sign of life.
     */
    public Optional<Pickup> pickedUp(long jobId, String instance) {
        return jdbc.sql("""
                with old as (
                    select id, started_at is not null as begun, greatest(10, seconds - coalesce(greatest(0,
                        extract(epoch from (heartbeat_at - started_at)))::int, 0)) as seconds_left
                    from solver_job where id = ? and status in ('QUEUED', 'RUNNING') for update)
                update solver_job j set instance_id = ?, heartbeat_at = now(), seconds = o.seconds_left,
                    started_at = null, pickups = j.pickups + 1
                from old o where j.id = o.id
                returning j.id, j.plan_id, o.seconds_left, o.begun, j.stop_requested""")
                .params(jobId, instance)
                .query((rs, n) -> new Pickup(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .optional();
    }

    /** Hands a job back (its instance stops): waiting again for any instance to continue it. */
    public void handedBack(long jobId) {
        jdbc.sql("""
                update solver_job set status = 'QUEUED', instance_id = null, heartbeat_at = now()
                where id = ? and status in ('QUEUED', 'RUNNING')""")
                .param(jobId).update();
    }

    /** The instance's running jobs are alive: the time they have had is counted to now. */
    public void heartbeat(String instance) {
        jdbc.sql("update solver_job set heartbeat_at = now() where instance_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(instance).update();
    }

    /** The job's time is counted to now (a checkpoint was stored). */
    public void alive(long jobId) {
        jdbc.sql("update solver_job set heartbeat_at = now() where id = ?").param(jobId).update();
    }

    /** Every waiting plan's place in the queue (1 = next). */
    public Map<Long, Integer> queuePositions() {
        return jdbc.sql(WAITING).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The plan's place in the queue, when it waits. */
    public Optional<Integer> queuePosition(long planId) {
        return jdbc.sql("select position from (" + WAITING + ") w where plan_id = ?").param(planId)
                .query(Integer.class).optional();
    }

    /** The plan's active job's best score so far, time since it began, and place in the queue. */
    public Optional<Progress> progress(long planId) {
        return jdbc.sql("""
                select best_score, (extract(epoch from now() - started_at) * 1000)::bigint, w.position
                from solver_job j left join (""" + WAITING + """
                ) w on w.plan_id = j.plan_id
                where j.plan_id = ? and j.status in ('QUEUED', 'RUNNING')""")
                .param(planId)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Integer.class)))
                .optional();
    }

    /** Records a stop for the plan's active job, wherever it runs; its id, or empty when none is active. */
    public Optional<Long> requestStop(long planId) {
        return jdbc.sql("""
                update solver_job set stop_requested = true where plan_id = ? and status in ('QUEUED', 'RUNNING')
                returning id""")
                .param(planId).query(Long.class).optional();
    }

    public boolean stopRequested(long jobId) {
        return jdbc.sql("select stop_requested from solver_job where id = ?").param(jobId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Takes a job out of the queue if no instance has picked it yet; false when one has. */
    public boolean cancelWaiting(long jobId) {
        return jdbc.sql("delete from scheduled_tasks where task_name = ? and task_instance = ? and not picked")
                .params(TASK, String.valueOf(jobId)).update() > 0;
    }

    public void running(long jobId) {
        jdbc.sql("update solver_job set status = 'RUNNING', started_at = now() where id = ?")
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

    /** Active jobs that no execution carries any more (nothing will run them): failed. */
    public int failUnscheduled(String reason) {
        return jdbc.sql("""
                update solver_job j set status = 'FAILED', error = ?, finished_at = now()
                where j.status in ('QUEUED', 'RUNNING') and j.created_at < now() - interval '10 seconds'
                and not exists (select 1 from scheduled_tasks t
                    where t.task_name = ? and t.task_instance = j.id::text)""")
                .params(reason, TASK).update();
    }
}
