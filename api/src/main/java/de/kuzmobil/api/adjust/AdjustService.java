package de.kuzmobil.api.adjust;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.api.plans.PlanEdits;
import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ConflictException;
import de.kuzmobil.api.system.ForbiddenException;
import de.kuzmobil.api.system.NotFoundException;
import de.kuzmobil.api.system.PreconditionException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.plan.AuditRepository;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.publicstop.BookingRepository;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.explain.HardViolation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team lead's hand edit of one visit: applied even when it breaks a rule (the result says which),
 * re-timed and re-scored by the planner, guarded by the plan's ETag, written to the audit log.
 */
@Service
public class AdjustService {

    /**
     * The edited plan's new ETag, the hard rules the edit leaves broken, and the citizens' bookings of
     * the visit's published stop when a dispatcher overrode them.
     */
    public record Result(PlanRecord plan, List<HardViolation> brokenRules,
                         List<BookingRepository.StopBooking> affectedBookings) {
    }

    /**
     * Who edits: a dispatcher edits any tour; a team lead only visits on or into the tours of
     * {@code teams}, the teams they lead.
     */
    public record Editor(String name, boolean dispatcher, java.util.Set<Long> teams) {

        boolean mayTouch(Long teamId) {
            return dispatcher || teamId == null || teams.contains(teamId);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanRepository plans;
    private final PlanEdits edits;
    private final AuditRepository audit;
    private final TeamRepository teams;
    private final TransactionTemplate tx;
    private final BookingRepository bookings;

    public AdjustService(PlanRepository plans, PlanEdits edits, AuditRepository audit, TeamRepository teams,
                         TransactionTemplate tx, BookingRepository bookings) {
        this.bookings = bookings;
        this.tx = tx;
        this.plans = plans;
        this.edits = edits;
        this.audit = audit;
        this.teams = teams;
    }

    /** Only a dispatcher may override citizens' bookings. */
    public Result edit(long planId, String visitId, VisitEdit edit, String ifMatch, Editor editor) {
        PlanRecord plan = plans.find(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        List<PlanVisitRecord> rows = plans.findVisits(planId);
        PlanVisitRecord before = rows.stream().filter(r -> r.visitId().equals(visitId)).findFirst()
                .orElseThrow(() -> new NotFoundException("visit", visitId));
        checkScope(editor, before, edit);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(HttpStatus.PRECONDITION_REQUIRED,
                    "send If-Match with the plan's ETag " + PlanEdits.etag(plan));
        }
        if (!PlanEdits.matches(ifMatch, plan)) {
            throw new PreconditionException(HttpStatus.PRECONDITION_FAILED,
                    "the plan changed since you read it; its ETag is now " + PlanEdits.etag(plan));
        }
        if (plan.status().frozen() || plan.status() == PlanStatus.SOLVING) {
            throw new ConflictException("plan " + planId + " is " + plan.status()
                    + ": published plans never change in place; re-optimise it to get an editable copy");
        }
        List<BookingRepository.StopBooking> booked = bookings.forWeek(plan.weekStart()).stream()
                .filter(b -> b.visitId().equals(visitId)).toList();
        if (!booked.isEmpty() && !edit.onlyPins()) {
            if (!editor.dispatcher() || !Boolean.TRUE.equals(edit.overrideBookings())) {
                throw new ConflictException("citizens hold " + booked.size() + " booking(s) at this visit's published"
                        + " stop; it keeps its day and time. A dispatcher may change it with \"overrideBookings\": true"
                        + " (the answer lists the bookings to inform)");
            }
        }

        List<PlanVisitRecord> moved = move(plan, rows, before, edit);
        PlanEdits.Edited edited = edits.apply(plan, moved);
        if (edited.inputChanged()) {
            // editing would silently drop or move other visits
            throw new ConflictException("the demand or shifts changed since plan " + planId
                    + " was made; re-optimise it before editing by hand");
        }
        PlanVisitRecord after = edited.visits().stream().filter(r -> r.visitId().equals(visitId)).findFirst()
                .orElseThrow();
        // the edit and its audit entry commit together or not at all
        boolean saved = tx.execute(status -> {
            if (!plans.saveEdit(planId, plan.version(), edited.score(), edited.kpisJson(), edited.visits(),
                    edited.tours())) {
                return false;
            }
            audit.record(planId, visitId, editor.name(), snapshot(before), snapshot(after));
            return true;
        });
        if (!saved) {
            throw new PreconditionException(HttpStatus.PRECONDITION_FAILED,
                    "the plan changed while you edited it; read it again");
        }
        List<HardViolation> broken = new ArrayList<>(edited.explanation().hardViolationsOf(visitId));
        return new Result(plans.find(planId).orElseThrow(), broken, edit.onlyPins() ? List.of() : booked);
    }

    private static void checkScope(Editor editor, PlanVisitRecord visit, VisitEdit edit) {
        if (!editor.mayTouch(visit.teamId())) {
            throw new ForbiddenException("visitId", "visit " + visit.visitId() + " is on team " + visit.teamId()
                    + "'s tour; you lead " + describe(editor.teams()));
        }
        if (!Boolean.TRUE.equals(edit.unassign()) && !editor.mayTouch(edit.teamId())) {
            throw new ForbiddenException("teamId", "you may not move visits into team " + edit.teamId()
                    + "'s tours; you lead " + describe(editor.teams()));
        }
    }

    private static String describe(java.util.Set<Long> teams) {
        return teams.isEmpty() ? "no team" : "team(s) " + teams.stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The rows with the visit taken from its place and put where the edit says, sequences renumbered. */
    private List<PlanVisitRecord> move(PlanRecord plan, List<PlanVisitRecord> rows, PlanVisitRecord visit,
                                       VisitEdit edit) {
        boolean unassign = Boolean.TRUE.equals(edit.unassign());
        Long teamId = unassign ? null : edit.teamId() != null ? edit.teamId() : visit.teamId();
        LocalDate date = unassign ? null : edit.date() != null ? edit.date() : visit.date();
        boolean pinned = !unassign && (edit.pinned() != null ? edit.pinned() : visit.pinned());
        LocalTime pinnedStart = !pinned ? null : edit.pinnedStart() != null ? edit.pinnedStart() : visit.pinnedStart();
        List<FieldError> errors = new ArrayList<>();
        if (!unassign && (teamId == null || date == null)) {
            errors.add(new FieldError(teamId == null ? "teamId" : "date", "needed to place an unassigned visit"));
        }
        if (edit.pinnedStart() != null && edit.pinnedStart().toSecondOfDay() % 60 != 0
                || edit.pinnedStart() != null && edit.pinnedStart().getNano() != 0) {
            // plans run on whole minutes: a pin with seconds could never be met exactly
            errors.add(new FieldError("pinnedStart", "must be on the minute (HH:MM)"));
        }
        if (teamId != null && !teams.exists(teamId)) {
            errors.add(new FieldError("teamId", "unknown team " + teamId));
        }
        if (date != null && (date.isBefore(plan.weekStart()) || date.isAfter(plan.weekStart().plusDays(6)))) {
            errors.add(new FieldError("date", "outside the plan's week " + plan.weekStart()));
        }
        if (teamId != null && date != null && errors.isEmpty() && teams.find(teamId).orElseThrow().shifts().stream()
                .noneMatch(s -> s.date().equals(date))) {
            errors.add(new FieldError("date", "team " + teamId + " has no shift on " + date));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("The visit cannot be placed there", errors);
        }

        Map<String, List<PlanVisitRecord>> tours = new LinkedHashMap<>();
        List<PlanVisitRecord> unassigned = new ArrayList<>();
        rows.stream().filter(r -> r != visit).sorted(Comparator.comparing(
                        (PlanVisitRecord r) -> r.sequence() == null ? 0 : r.sequence()))
                .forEach(r -> {
                    if (r.assigned()) {
                        tours.computeIfAbsent(TeamDay.idOf(r.teamId(), r.date()), k -> new ArrayList<>()).add(r);
                    } else {
                        unassigned.add(r);
                    }
                });
        PlanVisitRecord placed = new PlanVisitRecord(visit.visitId(), visit.siteId(), teamId, date,
                unassign ? null : 0, null, null, null, visit.appointments(), visit.services(), null, null, pinned,
                pinnedStart, unassign ? "taken off the tours by hand" : null, false, visit.demand());
        if (unassign) {
            unassigned.add(placed);
        } else {
            List<PlanVisitRecord> target = tours.computeIfAbsent(TeamDay.idOf(teamId, date), k -> new ArrayList<>());
            boolean sameTour = teamId.equals(visit.teamId()) && date.equals(visit.date());
            // a pin (or unpin) without a new place keeps the visit where it is
            int position = edit.position() != null ? edit.position()
                    : sameTour ? Math.min(visit.sequence(), target.size()) : target.size();
            if (position > target.size()) {
                throw new BadRequestException("position out of range", List.of(new FieldError("position",
                        "at most " + target.size() + " (the tour has " + target.size() + " other stops)")));
            }
            target.add(position, placed);
        }
        List<PlanVisitRecord> result = new ArrayList<>(unassigned);
        tours.values().forEach(list -> {
            for (int i = 0; i < list.size(); i++) {
                PlanVisitRecord r = list.get(i);
                result.add(new PlanVisitRecord(r.visitId(), r.siteId(), r.teamId(), r.date(), i, r.arrival(),
                        r.start(), r.end(), r.appointments(), r.services(), r.travelSeconds(), r.travelMeters(),
                        r.pinned(), r.pinnedStart(), null, r.travelManual(), r.demand()));
            }
        });
        return result;
    }

    private static String snapshot(PlanVisitRecord r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("teamId", r.teamId());
        s.put("date", r.date() == null ? null : r.date().toString());
        s.put("sequence", r.sequence());
        s.put("start", r.start() == null ? null : r.start().toString());
        s.put("end", r.end() == null ? null : r.end().toString());
        s.put("pinned", r.pinned());
        s.put("pinnedStart", r.pinnedStart() == null ? null : r.pinnedStart().toString());
        s.put("unassignedReason", r.unassignedReason());
        return JSON.writeValueAsString(s);
    }
}
