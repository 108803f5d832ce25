package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A plan still SOLVING at start-up was interrupted (the process died or was stopped): mark it
 * FAILED so that it never stays stuck; the dispatcher starts it again. One service instance per
 * database is assumed.
 */
@Component
class InterruptedJobs implements SmartInitializingSingleton {

    static final String REASON = "INTERRUPTED: the service stopped while solving; start the plan again";
    private static final Logger log = LoggerFactory.getLogger(InterruptedJobs.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;

    InterruptedJobs(PlanRepository plans, SolverJobRepository jobs) {
        this.plans = plans;
        this.jobs = jobs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int n = plans.failInterrupted(REASON);
        jobs.failInterrupted(REASON);
        if (n > 0) {
            log.warn("{} plan(s) were interrupted while solving and are now FAILED", n);
        }
    }
}
