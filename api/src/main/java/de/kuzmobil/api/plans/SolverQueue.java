package de.kuzmobil.api.plans;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import de.kuzmobil.api.system.TooManyRequestsException;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.SolverJobRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The solve queue, shared by every instance on the database: each solver job is an execution of
 * db-scheduler's task {@link SolverJobRepository#TASK}. Each instance picks due executions itself
 * ({@code FOR UPDATE SKIP LOCKED}), runs at most {@code kuzmobil.solver.max-concurrent} at once and
 * heartbeats them; an execution whose instance showed no life for {@link #DEAD_AFTER} is revived for
 * any instance, which continues the run from its last checkpoint. A normal stop hands runs back first.
 */
@Component
public class SolverQueue {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final int MISSED_HEARTBEATS = 6;
    /** An execution without a heartbeat this long is dead (db-scheduler's default is 30 minutes). */
    static final Duration DEAD_AFTER = HEARTBEAT.multipliedBy(MISSED_HEARTBEATS);
    private static final Logger log = LoggerFactory.getLogger(SolverQueue.class);

    private final SolverJobRepository jobs;
    private final SolveJobs solveJobs;
    private final PlanSignals signals;
    private final TransactionTemplate tx;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;
    private final int maxConcurrent;
    private final int maxQueued;
    private volatile boolean started;

    public SolverQueue(DataSource dataSource, SolverJobRepository jobs, SolveJobs solveJobs, PlanSignals signals,
                       TransactionTemplate tx,
                       @Value("${kuzmobil.solver.max-concurrent}") int maxConcurrent,
                       @Value("${kuzmobil.solver.max-queued}") int maxQueued) {
        if (maxConcurrent < 0 || maxQueued < 0) {
            throw new IllegalArgumentException("kuzmobil.solver.max-concurrent and max-queued must not be negative");
        }
        this.jobs = jobs;
        this.solveJobs = solveJobs;
        this.signals = signals;
        this.tx = tx;
        // 0: one solve per core, which is what a solve uses
        this.maxConcurrent = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        this.maxQueued = maxQueued;
        // handed back or revived: at its old time, so it keeps its place at the head of the queue
        CompletionHandler<Void> requeue = (complete, operations) ->
                operations.reschedule(complete, complete.getExecution().executionTime);
        this.task = Tasks.custom(SolverJobRepository.TASK, Void.class)
                .onDeadExecution((complete, operations) -> {
                    log.warn("Solver job {}: its instance ({}) showed no life for {} s; queued again to continue",
                            complete.getExecution().taskInstance.getId(), complete.getExecution().pickedBy,
                            DEAD_AFTER.toSeconds());
                    requeue.complete(complete, operations);
                })
                // only when the database failed at pick-up (the run catches everything else)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .execute((instance, context) -> solveJobs.run(Long.parseLong(instance.getId()))
                        ? requeue : new CompletionHandler.OnCompleteRemove<>());
        // schedules join the caller's transaction: a plan, its job and its execution are stored together
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .threads(this.maxConcurrent)
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .schedulerName(new SchedulerName.Fixed(signals.instance()))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Stores a plan with {@code store} and queues a run of {@code seconds} for it, in one transaction.
     *
     * @throws TooManyRequestsException when the database holds as many active runs as this instance takes
     */
    public PlanRecord submit(int seconds, Supplier<PlanRecord> store) {
        int limit = maxConcurrent + maxQueued;
        PlanRecord plan = tx.execute(status -> {
            if (!jobs.admit(limit)) {
                throw new TooManyRequestsException(limit + " plans are solving or waiting, the most this service"
                        + " queues; try again when one has finished", 30);
            }
            PlanRecord stored = store.get();
            jobs.failActive(stored.id(), "replaced by a new run");
            long jobId = jobs.create(stored.id(), seconds);
            scheduler.schedule(task.instance(String.valueOf(jobId)), Instant.now());
            return stored;
        });
        signals.send(plan.id(), "queued");
        wake();
        solveJobs.announceQueue();
        return plan;
    }

    /** Looks for due runs now instead of at the next poll. */
    void wake() {
        if (started && !scheduler.getSchedulerState().isShuttingDown()) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    /**
     * Whether this instance picks runs from the queue (true from start-up); false drains it, for
     * maintenance: its runs go on, new ones are left to other instances.
     */
    public void takeRuns(boolean take) {
        if (take) {
            scheduler.resume();
        } else {
            scheduler.pause();
        }
    }

    /** The plan's place in the queue (1 = next) while it waits. */
    public Optional<Integer> position(long planId) {
        return jobs.queuePosition(planId);
    }

    /** Every waiting plan's place. */
    public Map<Long, Integer> positions() {
        return jobs.queuePositions();
    }

    /** Once demo data and all start-up work is done. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.start();
        started = true;
    }

    /** Before anything else closes: runs are handed back, then the queue stops taking jobs. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (!started) {
            solveJobs.handBackAll();
            return;
        }
        scheduler.pause(); // a run handed back is not picked here again
        solveJobs.handBackAll();
        scheduler.stop();
    }
}
