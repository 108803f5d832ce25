package de.kuzmobil.data.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kuzmobil.data.publicstop.PublicStop;
import de.kuzmobil.data.publicstop.PublicStopRepository;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class PlanRepositoryTest {

    static final LocalDate WEEK = LocalDate.of(2026, 12, 7);
    static TestSchema db;
    static PlanRepository plans;
    static PublicStopRepository stops;
    static long finkenwerder;
    static long teamSued;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        plans = new PlanRepository(db.jdbc());
        stops = new PublicStopRepository(db.jdbc());
        finkenwerder = new SiteRepository(db.jdbc()).save(new SiteRecord(null, "Finkenwerder", "PART_TIME_CENTRE",
                "Hamburg-Mitte", "Butendeichsweg 2", 53.52694, 9.86583, 15, List.of(), List.of(), "test", null)).id();
        teamSued = new TeamRepository(db.jdbc()).save(new TeamRecord(null, "Mobiles Team Süd", "Harburg", null,
                53.4591, 9.978, 40, 30, 45, LocalTime.of(11, 30), LocalTime.of(14, 0), Set.of("biometric"),
                List.of())).id();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static PlanVisitRecord onTour(String id, LocalDate date, LocalTime start) {
        return new PlanVisitRecord(id, finkenwerder, teamSued, date, 0, start.minusMinutes(10), start,
                start.plusHours(2), 8, List.of("ID_CARD", "REGISTRATION"), 1500, 21000, false, null, null, false,
                List.of());
    }

    static PlanVisitRecord unassigned(String id) {
        return new PlanVisitRecord(id, finkenwerder, null, null, null, null, null, null, 3, List.of("PASSPORT"),
                null, null, false, null, "no window fits 4h30 of work", false, List.of());
    }

    @Test
    void publishingANewerPlanSupersedesTheOldAndCitizensSeeOnlyPublishedStops() {
        PlanRecord first = plans.create(WEEK, PlanStatus.SOLVING, "LEAST_DRIVING", 5, null);
        plans.saveSolution(first.id(), PlanStatus.SOLVED, "0hard/-3medium/-1200soft", "road", "{\"planned\": 8}",
                List.of(onTour("v1", WEEK.plusDays(2), LocalTime.of(9, 0)), unassigned("v2")),
                List.of(new PlanTourRecord(teamSued, WEEK.plusDays(2), LocalTime.of(8, 35), LocalTime.of(15, 20), true,
                        LocalTime.of(12, 0), LocalTime.of(12, 30))));
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), false)).as("not published yet").isEmpty();

        plans.publish(first.id(), WEEK);
        List<PublicStop> published = stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), false);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).siteName()).isEqualTo("Finkenwerder");
        assertThat(published.get(0).start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of("hamburg-mitte"), List.of("REGISTRATION"), false)).hasSize(1);
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of("altona"), List.of(), false)).isEmpty();
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of("PASSPORT"), false)).as("unassigned never shown").isEmpty();

        PlanRecord second = plans.create(WEEK, PlanStatus.SOLVING, "LEAST_DRIVING", 5, first.id());
        plans.saveSolution(second.id(), PlanStatus.SOLVED, "0hard/0medium/-1000soft", "road", "{}",
                List.of(onTour("v1", WEEK.plusDays(3), LocalTime.of(12, 0))), List.of());
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), false)).extracting(PublicStop::date)
                .as("a draft does not change what citizens see").containsExactly(WEEK.plusDays(2));

        plans.publish(second.id(), WEEK);
        assertThat(plans.find(first.id()).orElseThrow().status()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThat(plans.findPublished(WEEK).orElseThrow().id()).isEqualTo(second.id());
        assertThat(stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), false)).singleElement()
                .satisfies(moved -> {
                    assertThat(moved.date()).isEqualTo(WEEK.plusDays(3));
                    assertThat(moved.id()).as("the same stop, moved").isEqualTo(published.get(0).id());
                    assertThat(moved.sequence()).isEqualTo(published.get(0).sequence() + 1);
                });
        // the superseded version is still there, unchanged
        assertThat(plans.findVisits(first.id())).hasSize(2);
        assertThat(plans.findTours(first.id())).singleElement().isEqualTo(new PlanTourRecord(teamSued,
                WEEK.plusDays(2), LocalTime.of(8, 35), LocalTime.of(15, 20), true, LocalTime.of(12, 0),
                LocalTime.of(12, 30)));
    }

    @Test
    void anEditAgainstAStaleVersionChangesNothing() {
        PlanRecord plan = plans.create(WEEK.plusWeeks(1), PlanStatus.SOLVING, "LEAST_DRIVING", 5, null);
        assertThat(plans.saveEdit(plan.id(), plan.version(), "x", "{}", List.of(), List.of()))
                .as("no hand edits while solving").isFalse();
        plans.saveSolution(plan.id(), PlanStatus.SOLVED, "0hard/0medium/0soft", "estimated", "{}",
                List.of(onTour("v1", WEEK.plusDays(9), LocalTime.of(9, 0))), List.of());
        int version = plans.find(plan.id()).orElseThrow().version();

        assertThat(plans.saveEdit(plan.id(), version - 1, "x", "{}", List.of(), List.of())).isFalse();
        assertThat(plans.findVisits(plan.id())).hasSize(1);
        assertThat(plans.saveEdit(plan.id(), version, "0hard/0medium/-5soft", "{}",
                List.of(onTour("v1", WEEK.plusDays(10), LocalTime.of(10, 0))), List.of())).isTrue();
        assertThat(plans.findVisits(plan.id()).get(0).date()).isEqualTo(WEEK.plusDays(10));
        assertThat(plans.find(plan.id()).orElseThrow().version()).isEqualTo(version + 1);
    }

    @Test
    void interruptedSolvingBecomesFailedAndVisitRowsMustBeConsistent() {
        PlanRecord plan = plans.create(WEEK.plusWeeks(2), PlanStatus.SOLVING, "LEAST_DRIVING", 5, null);
        SolverJobRepository jobs = new SolverJobRepository(db.jdbc());
        long job = jobs.create(plan.id(), 5);
        schedule(job, 0);
        db.jdbc().sql("update solver_job set created_at = now() - interval '1 minute' where id = ?").param(job).update();
        db.jdbc().sql("update plan set updated_at = now() - interval '1 minute' where id = ?").param(plan.id()).update();
        // a job the queue carries keeps its plan SOLVING, whatever any instance sweeps
        assertThat(jobs.failUnscheduled("interrupted")).isZero();
        assertThat(plans.failInterrupted("interrupted", 10)).isZero();
        // its execution is gone: nothing will run it, so the job and then the plan are failed
        db.jdbc().sql("delete from scheduled_tasks where task_instance = ?").param(String.valueOf(job)).update();
        assertThat(jobs.failUnscheduled("interrupted")).isEqualTo(1);
        assertThat(plans.failInterrupted("interrupted", 10)).isEqualTo(1);
        assertThat(plans.find(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.FAILED);
        assertThat(jobs.latestForPlan(plan.id()).orElseThrow().status()).isEqualTo("FAILED");

        // a run handed back after 20 of its 60 s continues with the 40 s it has left
        PlanRecord handedBack = plans.create(WEEK.plusWeeks(3), PlanStatus.SOLVING, "LEAST_DRIVING", 60, null);
        long released = jobs.create(handedBack.id(), 60);
        SolverJobRepository.Pickup first = jobs.pickedUp(released, "instance-a").orElseThrow();
        assertThat(first.begun()).isFalse();
        assertThat(first.seconds()).isEqualTo(60);
        jobs.running(released);
        db.jdbc().sql("update solver_job set started_at = now() - interval '20 seconds' where id = ?").param(released).update();
        jobs.handedBack(released);
        SolverJobRepository.Pickup again = jobs.pickedUp(released, "instance-b").orElseThrow();
        assertThat(again.begun()).isTrue();
        assertThat(again.seconds()).isBetween(39, 40);
        assertThat(again.stopRequested()).isFalse();
        assertThat(jobs.requestStop(handedBack.id())).contains(released);
        assertThat(jobs.stopRequested(released)).isTrue();

        // a late solver result no longer overwrites the FAILED plan
        // a late solver result no longer overwrites the FAILED plan
        assertThat(plans.saveSolution(plan.id(), PlanStatus.SOLVED, "s", "road", "{}", List.of(unassigned("v8")), List.of()))
                .isFalse();
        assertThat(plans.findVisits(plan.id())).isEmpty();

        // an unassigned visit must say why; a visit on a tour must not carry a reason
        PlanRecord solving = plans.create(WEEK.plusWeeks(2), PlanStatus.SOLVING, "LEAST_DRIVING", 5, null);
        PlanVisitRecord noReason = new PlanVisitRecord("v9", finkenwerder, null, null, null, null, null, null, 3,
                List.of("PASSPORT"), null, null, false, null, null, false, List.of());
        assertThatThrownBy(() -> plans.saveSolution(solving.id(), PlanStatus.SOLVED, "s", "road", "{}", List.of(noReason),
                List.of())).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void statusChangesAreGuarded() {
        PlanRecord plan = plans.create(WEEK.plusWeeks(3), PlanStatus.SOLVING, "LEAST_DRIVING", 5, null);
        assertThat(plans.publish(plan.id(), plan.weekStart())).as("not solved yet").isFalse();
        plans.saveSolution(plan.id(), PlanStatus.SOLVED, "0hard/0medium/0soft", "road", "{}", List.of(), List.of());
        int version = plans.find(plan.id()).orElseThrow().version();
        assertThat(plans.changeStatus(plan.id(), version - 1, List.of(PlanStatus.SOLVED), PlanStatus.SOLVING, null))
                .as("stale version").isFalse();
        assertThat(plans.changeStatus(plan.id(), version, List.of(PlanStatus.FAILED), PlanStatus.SOLVING, null))
                .as("wrong status").isFalse();
        assertThat(plans.publish(plan.id(), plan.weekStart())).isTrue();
        assertThat(plans.changeStatus(plan.id(), null, List.of(PlanStatus.SOLVED, PlanStatus.FAILED), PlanStatus.SOLVING, null))
                .as("published plans never go back to solving").isFalse();
        assertThat(plans.saveEdit(plan.id(), plans.find(plan.id()).orElseThrow().version(), "x", "{}", List.of(),
                List.of())).as("published plans are never edited").isFalse();
    }

    @Test
    void theObjectiveIsStoredCheckedAndChangedOnlyWithANewRunUnderTheVersionGuard() {
        PlanRecord plan = plans.create(WEEK.plusWeeks(4), PlanStatus.SOLVING, "FEWEST_TEAM_DAYS", 5, null);
        assertThat(plans.find(plan.id()).orElseThrow().objective()).isEqualTo("FEWEST_TEAM_DAYS");
        assertThatThrownBy(() -> plans.create(WEEK.plusWeeks(4), PlanStatus.SOLVING, "CHEAPEST", 5, null))
                .isInstanceOf(DataIntegrityViolationException.class);

        plans.saveSolution(plan.id(), PlanStatus.SOLVED, "0hard/-3medium/-50soft", "road", "{}", List.of(), List.of());
        int version = plans.find(plan.id()).orElseThrow().version();
        assertThat(plans.solveAgain(plan.id(), version - 1, List.of(PlanStatus.SOLVED), "LEAST_DRIVING"))
                .as("stale version").isFalse();
        assertThat(plans.find(plan.id()).orElseThrow().objective()).isEqualTo("FEWEST_TEAM_DAYS");
        assertThat(plans.solveAgain(plan.id(), version, List.of(PlanStatus.SOLVED), "LEAST_DRIVING")).isTrue();
        PlanRecord again = plans.find(plan.id()).orElseThrow();
        assertThat(again.objective()).isEqualTo("LEAST_DRIVING");
        assertThat(again.status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(again.version()).isEqualTo(version + 1);
    }

    @Test
    void waitingJobsKnowTheirPlaceAndOnlyAWaitingOneCanBeTakenOut() {
        SolverJobRepository jobs = new SolverJobRepository(db.jdbc());
        db.jdbc().sql("delete from scheduled_tasks").update();
        long[] ids = new long[3];
        long[] planIds = new long[3];
        for (int i = 0; i < 3; i++) {
            planIds[i] = plans.create(WEEK.plusWeeks(5 + i), PlanStatus.SOLVING, "LEAST_DRIVING", 30, null).id();
            ids[i] = jobs.create(planIds[i], 30);
            schedule(ids[i], i);
        }
        assertThat(jobs.queuePositions()).containsEntry(planIds[0], 1).containsEntry(planIds[1], 2)
                .containsEntry(planIds[2], 3);
        // the first is picked (running somewhere): the others move up; it cannot be taken out
        db.jdbc().sql("update scheduled_tasks set picked = true where task_instance = ?").param(String.valueOf(ids[0])).update();
        assertThat(jobs.queuePosition(planIds[0])).isEmpty();
        assertThat(jobs.cancelWaiting(ids[0])).isFalse();
        assertThat(jobs.queuePosition(planIds[2])).contains(2);
        assertThat(jobs.progress(planIds[2]).orElseThrow().queuePosition()).isEqualTo(2);
        assertThat(jobs.cancelWaiting(ids[1])).isTrue();
        assertThat(jobs.queuePosition(planIds[2])).contains(1);
        // admission counts every active job in the database
        long active = db.jdbc().sql("select count(*) from solver_job where status in ('QUEUED', 'RUNNING')")
                .query(Long.class).single();
        assertThat(jobs.admit((int) active)).isFalse();
        assertThat(jobs.admit((int) active + 1)).isTrue();
    }

    @Test
    void planStatusesAreExactlyThoseTheTableAllows() {
        String check = db.jdbc().sql("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conname = 'plan_status_check' and conrelid = 'plan'::regclass").query(String.class).single();
        List<String> allowed = java.util.regex.Pattern.compile("'([A-Z]+)'").matcher(check).results()
                .map(m -> m.group(1)).toList();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(PlanStatus.values()).map(Enum::name).toList());
    }

    /** An execution of the solver task, as the queue stores it, due {@code seconds} from now. */
    private void schedule(long jobId, int seconds) {
        db.jdbc().sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " values (?, ?, now() + make_interval(secs => ?), false, 1)")
                .params(SolverJobRepository.TASK, String.valueOf(jobId), seconds).update();
    }
}
