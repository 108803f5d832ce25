package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs whose instance stopped (and handed them back) or died (killed, crashed, cut off: no heartbeat
 * for {@link #STALE_SECONDS}) are continued here from their last stored best, once started and then
 * every {@link #SWEEP_SECONDS}; each is claimed by one instance only. What cannot be continued (a job
 * whose plan no longer solves, a plan SOLVING without a live job) is failed, so nothing stays SOLVING.
 * Runs of live instances, this one or others on the same database, are left alone.
 */
@Component
class OrphanedRuns {

    static final String REASON = "INTERRUPTED: the service running this plan stopped while solving; start the plan again";
    /** A job is dead when its instance has not shown life for this long (heartbeats every 10 s). */
    static final int STALE_SECONDS = 30;
    /** A plan is stored a moment before its job: give it this long. */
    static final int GRACE_SECONDS = 10;
    static final int SWEEP_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(OrphanedRuns.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final PlanService service;
    private final PlanSignals signals;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orphaned-runs");
        t.setDaemon(true);
        return t;
    });

    OrphanedRuns(PlanRepository plans, SolverJobRepository jobs, PlanService service, PlanSignals signals) {
        this.plans = plans;
        this.jobs = jobs;
        this.service = service;
        this.signals = signals;
    }

    /** Once the application is ready (demo data and all start-up work done), then periodically. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweep();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            for (SolverJobRepository.Orphan orphan : jobs.claimOrphans(signals.instance(), STALE_SECONDS, 20)) {
                try {
                    service.resume(orphan);
                    log.info("Plan {}: run taken over, continuing for {} s from its stored best", orphan.planId(),
                            orphan.secondsLeft());
                } catch (de.kuzmobil.api.system.TooManyRequestsException e) {
                    jobs.release(orphan.jobId()); // for an instance with room, or a later sweep
                }
            }
            jobs.failStale(REASON, STALE_SECONDS);
            int n = plans.failInterrupted(REASON, STALE_SECONDS, GRACE_SECONDS);
            if (n > 0) {
                log.warn("{} plan(s) were interrupted while solving and are now FAILED", n);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for interrupted plans failed; trying again in {} s", SWEEP_SECONDS, e);
        }
    }

    @PreDestroy
    void shutdown() {
        sweeper.shutdownNow();
    }
}
