package de.kuzmobil.api.plans;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ConflictException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.api.system.UnprocessableException;
import de.kuzmobil.api.publicstops.PublicCache;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.data.publicstop.BookingRepository;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.planner.domain.Pin;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** A plan's life: created and solved, stopped early, re-optimised around pins, published. */
@Service
public class PlanService {

    static final int MAX_SOLVE_SECONDS = 600;
    /** A published (or superseded) plan is frozen for citizens; changes go into a new plan. */
    public static final Set<String> FROZEN = Set.of("PUBLISHED", "SUPERSEDED");

    private final PlanRepository plans;
    private final SolveJobs jobs;
    private final BookingRepository bookings;
    private final PublicCache publicCache;
    private final TeamRepository teams;
    private final RemoteRuns remote;

    public PlanService(PlanRepository plans, SolveJobs jobs, BookingRepository bookings, PublicCache publicCache,
                       TeamRepository teams, RemoteRuns remote) {
        this.remote = remote;
        this.teams = teams;
        this.plans = plans;
        this.jobs = jobs;
        this.bookings = bookings;
        this.publicCache = publicCache;
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
        int seconds = checkedSeconds(solveSeconds == null ? 30 : solveSeconds);
        Objective chosen = objective == null ? Objective.LEAST_DRIVING : objective;
        if (teams.shiftsBetween(weekStart, weekStart.plusDays(6)) == 0) {
            throw new UnprocessableException("No team works in the week of " + weekStart + ": add shifts first",
                    List.of(new FieldError("weekStart", "no team has a shift from " + weekStart + " to "
                            + weekStart.plusDays(6))));
        }
        jobs.reserve();
        PlanRecord plan;
        Map<String, Pin> pins;
        try {
            plan = plans.create(weekStart, "SOLVING", chosen.name(), seconds, null);
            pins = withBookedStops(weekStart, Map.of());
        } catch (RuntimeException e) {
            jobs.release();
            throw e;
        }
        jobs.start(plan.id(), weekStart, seconds, chosen, pins);
        return plan;
    }

    /**
     * Re-solves around every pinned visit. A frozen plan is copied into a new plan (based on it);
     * otherwise the plan itself is solved again. Published visits are kept where they were when
     * possible (the planner's stability constraint). Null arguments keep the plan's own.
     */
    public PlanRecord reoptimize(long id, Integer solveSeconds, Objective objective) {
        PlanRecord plan = get(id);
        if ("SOLVING".equals(plan.status())) {
            throw new ConflictException("plan " + id + " is solving already");
        }
        int seconds = checkedSeconds(solveSeconds != null ? solveSeconds
                : plan.solveSeconds() != null ? plan.solveSeconds() : 30);
        Objective chosen = objective != null ? objective : Objective.valueOf(plan.objective());
        List<PlanVisitRecord> rows = plans.findVisits(id);
        Map<String, Pin> pins = PlanRebuilder.pinsOf(rows);
        jobs.reserve();
        PlanRecord target;
        Map<String, Pin> withBooked;
        try {
            if (FROZEN.contains(plan.status())) {
                target = plans.create(plan.weekStart(), "SOLVING", chosen.name(), seconds, id);
            } else if (plans.solveAgain(id, plan.version(), List.of("SOLVED", "FAILED", "DRAFT"), chosen.name())) {
                // the version guard: pins read above are the pins of the plan being re-solved
                target = get(id);
            } else {
                throw new ConflictException("plan " + id + " changed meanwhile (now " + get(id).status() + "); try again");
            }
            withBooked = withBookedStops(target.weekStart(), pins);
        } catch (RuntimeException e) {
            jobs.release();
            throw e;
        }
        jobs.start(target.id(), target.weekStart(), seconds, chosen, withBooked);
        return target;
    }

    /**
     * Stops citizens have booked keep their day and time: each becomes a pin where it was published,
     * unless the plan already pins it (a dispatcher's override placed it there).
     */
    /**
     * Continues the run of a job this instance took over (handed back by an instance that stopped, or
     * left by one that died), from the plan's stored best.
     *
     * @throws de.kuzmobil.api.system.TooManyRequestsException when this instance's queue is full
     */
    public void resume(SolverJobRepository.Orphan orphan) {
        PlanRecord plan = get(orphan.planId());
        Map<String, Pin> pins = withBookedStops(plan.weekStart(), PlanRebuilder.pinsOf(plans.findVisits(plan.id())));
        jobs.reserve();
        jobs.resume(plan.id(), plan.weekStart(), orphan.secondsLeft(), Objective.valueOf(plan.objective()), pins);
    }

    private Map<String, Pin> withBookedStops(LocalDate weekStart, Map<String, Pin> pins) {
        Map<String, Pin> all = new LinkedHashMap<>(pins);
        Optional<PlanRecord> published = plans.findPublished(weekStart);
        if (published.isEmpty()) {
            return all;
        }
        Map<String, BookingRepository.BookedVisit> booked = bookings.bookedVisits(weekStart);
        for (PlanVisitRecord v : plans.findVisits(published.get().id())) {
            BookingRepository.BookedVisit b = booked.get(v.visitId());
            if (b != null && v.assigned() && !all.containsKey(v.visitId())) {
                all.put(v.visitId(), new Pin(v.visitId(), String.valueOf(v.teamId()), b.date(), b.start()));
            }
        }
        return all;
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
        if (!"SOLVING".equals(plan.status()) || !jobs.stop(id) && !remote.stopElsewhere(id)) {
            // SOLVING without a live run anywhere: a dead instance left it; OrphanedRuns marks it FAILED
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
