package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.WeekPlan;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.optaplanner.core.api.solver.Solver;

/** One run of one plan on this instance (a re-optimisation of the same plan is a new run). */
final class SolverRun {

    final long planId;
    final long jobId;
    final Map<String, Pin> pins;
    final LocalDate weekStart;
    final int seconds;
    final Objective objective;
    /** Continue from the plan's stored rows (a checkpoint) instead of an empty plan. */
    final boolean fromCheckpoint;
    final long launchedNanos = System.nanoTime();
    final AtomicReference<WeekPlan> unsaved = new AtomicReference<>();
    final AtomicBoolean checkpointDue = new AtomicBoolean();
    /** Set once by whatever ends the run (done, stopped, failed, handed back). */
    final AtomicBoolean ended = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();
    /** Completed when the run's end is recorded. */
    final CompletableFuture<Void> end = new CompletableFuture<>();
    volatile long lastCheckpointNanos = System.nanoTime();
    volatile long lastBestSignalNanos;
    /** Set when this instance shuts down: the run's best is kept and its job handed back, not ended. */
    volatile boolean releasing;
    volatile boolean handedBack;
    volatile boolean stopRequested;
    volatile Solver<WeekPlan> solver;
    volatile WeekPlan initial;

    SolverRun(SolverJobRepository.Pickup pickup, PlanRecord plan, boolean fromCheckpoint, Map<String, Pin> pins) {
        this.planId = pickup.planId();
        this.jobId = pickup.jobId();
        this.weekStart = plan.weekStart();
        this.seconds = pickup.seconds();
        this.objective = Objective.valueOf(plan.objective());
        this.fromCheckpoint = fromCheckpoint;
        this.pins = pins;
    }

    /** Asks the solver to stop (it keeps its best); a solver not yet started sees the request as it starts. */
    void stop() {
        stopRequested = true;
        Solver<WeekPlan> current = solver;
        if (current != null) {
            current.terminateEarly();
        }
    }
}
