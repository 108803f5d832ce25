package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ConflictException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.api.system.UnprocessableException;
import de.kuzmobil.api.publicstops.PublicCache;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.data.team.TeamRepository;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** A plan's life: created and solved, stopped early, re-optimised around pins, published. */
@Service
public class PlanService {

    static final int MAX_SOLVE_SECONDS = 600;
    /** A run's time when the request names none. */
    public static final int DEFAULT_SOLVE_SECONDS = 30;

    private final PlanRepository plans;
    private final SolverQueue queue;
    private final SolveJobs jobs;
    private final PublicCache publicCache;
    private final TeamRepository teams;

    public PlanService(PlanRepository plans, SolverQueue queue, SolveJobs jobs, PublicCache publicCache,
                       TeamRepository teams) {
        this.plans = plans;
        this.queue = queue;
        this.jobs = jobs;
        this.publicCache = publicCache;
        this.teams = teams;
    }

    public PlanRecord get(long id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** Stores a new plan and starts solving it; {@code objective} null means least driving. */
    public PlanRecord create(LocalDate weekStart, Integer solveSeconds, Objective objective) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new BadRequestException("weekStart must be a Monday",
                    List.of(new FieldError("weekStart", "must be a Monday, was a " + weekStart.getDayOfWeek())));
        }
        int seconds = checkedSeconds(solveSeconds == null ? DEFAULT_SOLVE_SECONDS : solveSeconds);
        Objective chosen = objective == null ? Objective.LEAST_DRIVING : objective;
        if (teams.shiftsBetween(weekStart, weekStart.plusDays(6)) == 0) {
            throw new UnprocessableException("No team works in the week of " + weekStart + ": add shifts first",
                    List.of(new FieldError("weekStart", "no team has a shift from " + weekStart + " to "
                            + weekStart.plusDays(6))));
        }
        return queue.submit(seconds, () -> plans.create(weekStart, PlanStatus.SOLVING, chosen.name(), seconds, null));
    }

    /**
     * Re-solves around every pinned visit and booked stop (see RunPins). A frozen plan is copied into a
     * new plan (based on it); otherwise the plan itself is solved again. Published visits are kept where they were when
     * possible (the planner's stability constraint). Null arguments keep the plan's own.
     */
    public PlanRecord reoptimize(long id, Integer solveSeconds, Objective objective) {
        PlanRecord plan = get(id);
        if (plan.status() == PlanStatus.SOLVING) {
            throw new ConflictException("plan " + id + " is solving already");
        }
        int seconds = checkedSeconds(solveSeconds != null ? solveSeconds
                : plan.solveSeconds() != null ? plan.solveSeconds() : DEFAULT_SOLVE_SECONDS);
        Objective chosen = objective != null ? objective : Objective.valueOf(plan.objective());
        // the version guard: the plan re-solved is the plan read above (its pins are read when the run begins)
        return queue.submit(seconds, () -> {
            if (plan.status().frozen()) {
                return plans.create(plan.weekStart(), PlanStatus.SOLVING, chosen.name(), seconds, id);
            }
            if (plans.solveAgain(id, plan.version(), List.of(PlanStatus.SOLVED, PlanStatus.FAILED), chosen.name())) {
                return get(id);
            }
            throw new ConflictException("plan " + id + " changed meanwhile (now " + get(id).status() + "); try again");
        });
    }

    private static int checkedSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_SOLVE_SECONDS) {
            throw new BadRequestException("solveSeconds out of range",
                    List.of(new FieldError("solveSeconds", "must be between 1 and " + MAX_SOLVE_SECONDS)));
        }
        return seconds;
    }

    public void stop(long id) {
        PlanRecord plan = get(id);
        if (plan.status() != PlanStatus.SOLVING || !jobs.stop(id)) {
            // SOLVING without an active job: nothing will end it but StrandedPlans, which marks it FAILED
            throw new ConflictException("plan " + id + " is not solving (status " + plan.status() + ")");
        }
    }

    public PlanRecord publish(long id) {
        PlanRecord plan = get(id);
        if (!plans.publish(id, plan.weekStart())) {
            throw new ConflictException("only a SOLVED plan can be published; plan " + id + " is " + get(id).status());
        }
        publicCache.invalidate();
        return get(id);
    }
}
