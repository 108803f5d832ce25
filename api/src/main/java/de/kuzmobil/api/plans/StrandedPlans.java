package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs of instances that stopped or died are continued by the queue (see {@link SolverQueue}); what no
 * execution carries any more cannot be, and is failed here once started and then every
 * {@link #SWEEP_SECONDS}, so that no plan stays SOLVING: a job without an execution, a plan SOLVING
 * without an active job. Any instance may do it; it changes only what nobody runs.
 */
@Component
class StrandedPlans {

    static final String REASON = "INTERRUPTED: the run of this plan was lost; start the plan again";
    /** A plan is stored with its job in one transaction; this covers plans of older versions. */
    static final int GRACE_SECONDS = 10;
    static final int SWEEP_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(StrandedPlans.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stranded-plans");
        t.setDaemon(true);
        return t;
    });

    StrandedPlans(PlanRepository plans, SolverJobRepository jobs) {
        this.plans = plans;
        this.jobs = jobs;
    }

    /** Once the application is ready (demo data and all start-up work done), then periodically. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            jobs.failUnscheduled(REASON);
            int n = plans.failInterrupted(REASON, GRACE_SECONDS);
            if (n > 0) {
                log.warn("{} plan(s) had lost their run and are now FAILED", n);
            }
        } catch (RuntimeException e) {
            log.warn("Looking for stranded plans failed; trying again in {} s", SWEEP_SECONDS, e);
        }
    }

    @PreDestroy
    void shutdown() {
        sweeper.shutdownNow();
    }
}
