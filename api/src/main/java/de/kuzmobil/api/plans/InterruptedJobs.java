package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs whose instance died (killed, crashed, cut off) must not stay SOLVING: at start-up and then
 * every {@link #SWEEP_SECONDS}, jobs whose instance showed no life (heartbeat) for
 * {@link #STALE_SECONDS} are failed, and with them plans SOLVING without a live job. Runs of live
 * instances, this one or others on the same database, are left alone.
 */
@Component
class InterruptedJobs implements SmartInitializingSingleton {

    static final String REASON = "INTERRUPTED: the service running this plan stopped while solving; start the plan again";
    /** A job is dead when its instance has not shown life for this long (heartbeats every 10 s). */
    static final int STALE_SECONDS = 30;
    /** A plan is stored a moment before its job: give it this long. */
    static final int GRACE_SECONDS = 10;
    static final int SWEEP_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(InterruptedJobs.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interrupted-jobs");
        t.setDaemon(true);
        return t;
    });

    InterruptedJobs(PlanRepository plans, SolverJobRepository jobs) {
        this.plans = plans;
        this.jobs = jobs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        sweep();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
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
