package de.kuzmobil.api.plans;

import de.kuzmobil.api.travel.TravelConfig;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.optaplanner.core.api.solver.SolverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one background solve per plan with OptaPlanner's SolverManager, streams new best scores,
 * and stores the final plan. Job state lives in PostgreSQL (solver_job) so a restart can tell
 * what was interrupted.
 */
@Component
public class SolveJobs {

    private static final Logger log = LoggerFactory.getLogger(SolveJobs.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final PlanContent content;
    private final ProblemLoader loader;
    private final TravelConfig.Travel travel;
    private final PlanEvents events;
    // preparation (loading, routing) runs here so the HTTP request returns at once
    private final ExecutorService preparation = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-preparation");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, SolverManager<WeekPlan, Long>> running = new ConcurrentHashMap<>();

    public SolveJobs(PlanRepository plans, SolverJobRepository jobs, PlanContent content, ProblemLoader loader,
                     TravelConfig.Travel travel, PlanEvents events) {
        this.plans = plans;
        this.jobs = jobs;
        this.content = content;
        this.loader = loader;
        this.travel = travel;
        this.events = events;
    }

    public boolean isRunning(long planId) {
        return running.containsKey(planId);
    }

    /** Starts solving a plan already stored with status SOLVING. */
    public void start(long planId, LocalDate weekStart, int seconds, Map<String, Pin> pins) {
        long jobId = jobs.create(planId, seconds);
        preparation.submit(() -> {
            try {
                WeekProblem problem = loader.load(weekStart, List.copyOf(pins.values()));
                WeekPlan initial = WeekPlanFactory.build(problem,
                        travel.times().matrix(WeekPlanFactory.locations(problem)));
                SolverSettings settings = SolverSettings.defaults()
                        .withSpent(Duration.ofSeconds(seconds), Duration.ofSeconds(Math.max(2, seconds / 3)));
                initial.setWeights(settings.weights());
                SolverManager<WeekPlan, Long> manager = SolverManager.create(WeekPlanSolver.solverConfig(settings));
                running.put(planId, manager);
                jobs.running(jobId);
                long started = System.nanoTime();
                manager.solveAndListen(planId, id -> initial,
                        best -> {
                            String score = String.valueOf(best.getScore());
                            events.best(planId, new PlanEvents.Best(score, (System.nanoTime() - started) / 1_000_000));
                            jobs.bestScore(jobId, score);
                        },
                        best -> finish(planId, jobId, best, pins),
                        (id, error) -> fail(planId, jobId, error));
            } catch (RuntimeException e) {
                fail(planId, jobId, e);
            }
        });
    }

    /** Asks a running solve to stop; it then stores its best plan so far. */
    public boolean stop(long planId) {
        SolverManager<WeekPlan, Long> manager = running.get(planId);
        if (manager == null) {
            return false;
        }
        manager.terminateEarly(planId);
        return true;
    }

    private void finish(long planId, long jobId, WeekPlan best, Map<String, Pin> pins) {
        try {
            PlanView view = PlanView.of(best);
            PlanContent.Content content = this.content.of(best, view, pins);
            plans.saveSolution(planId, "SOLVED", view.score(), travel.source().name().toLowerCase(),
                    content.kpisJson(), content.rows().visits(), content.rows().breaks());
            jobs.finished(jobId, "DONE", null);
            events.done(planId, new PlanEvents.Done("SOLVED", view.score(), null));
            log.info("Plan {} solved: {}", planId, view.score());
        } catch (RuntimeException e) {
            fail(planId, jobId, e);
        } finally {
            close(planId);
        }
    }

    private void fail(long planId, long jobId, Throwable error) {
        log.error("Plan {} failed", planId, error);
        String message = "solving failed: " + error.getClass().getSimpleName();
        plans.setStatus(planId, "FAILED", message);
        jobs.finished(jobId, "FAILED", String.valueOf(error.getMessage()));
        events.done(planId, new PlanEvents.Done("FAILED", null, message));
        close(planId);
    }

    private void close(long planId) {
        SolverManager<WeekPlan, Long> manager = running.remove(planId);
        if (manager != null) {
            // closing from the solver's own thread would interrupt it: hand it to another thread
            preparation.submit(manager::close);
        }
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(SolverManager::close);
        preparation.shutdownNow();
    }
}
