package de.kuzmobil.data.plan;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import de.kuzmobil.data.publicstop.PublicStopPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class PlanRepository {

    private static final String PLAN_COLUMNS = "id, week_start, status, version, score, travel_times, objective,"
            + " solve_seconds, kpis::text as kpis, failure, based_on_plan, created_at, updated_at, published_at";
    private static final String VISIT_COLUMNS = "visit_id, site_id, team_id, visit_date, sequence, arrival,"
            + " start_time, end_time, appointments, services, travel_seconds, travel_meters, pinned, pinned_start,"
            + " unassigned_reason, travel_manual";

    private final JdbcClient jdbc;
    private final PublicStopPublisher publicStops;

    public PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.publicStops = new PublicStopPublisher(jdbc);
    }

    public PlanRecord create(LocalDate weekStart, PlanStatus status, String objective, Integer solveSeconds,
                             Long basedOnPlan) {
        long id = jdbc.sql("""
                insert into plan (week_start, status, objective, solve_seconds, based_on_plan)
                values (?, ?, ?, ?, ?) returning id""")
                .params(weekStart, status.name(), objective, solveSeconds, basedOnPlan).query(Long.class).single();
        return find(id).orElseThrow();
    }

    public Optional<PlanRecord> find(long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where id = ?").param(id)
                .query(PlanRepository::plan).optional();
    }

    /** Newest weeks first; {@code limit} plans after the first {@code offset}. */
    public List<PlanRecord> findPage(int limit, long offset) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan order by week_start desc, id desc limit ? offset ?")
                .params(limit, offset).query(PlanRepository::plan).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from plan").query(Long.class).single();
    }

    /** The plan citizens see for that week, if any. */
    public Optional<PlanRecord> findPublished(LocalDate weekStart) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where week_start = ? and status = 'PUBLISHED'")
                .param(weekStart).query(PlanRepository::plan).optional();
    }

    /**
     * Moves a plan from one status to another only if it is still in {@code from} at
     * {@code expectedVersion} (null: any version): the guard against publish, re-optimise and solver
     * results racing each other.
     * @return false when the plan had changed
     */
    public boolean changeStatus(long id, Integer expectedVersion, List<PlanStatus> from, PlanStatus to, String failure) {
        return jdbc.sql("""
                update plan set status = ?, failure = ?, version = version + 1, updated_at = now()
                where id = ? and status = any(?) and (?::int is null or version = ?::int)""")
                .params(to.name(), failure, id, names(from), expectedVersion, expectedVersion)
                .update() == 1;
    }

    /**
     * Puts a plan back to SOLVING for a new run with {@code objective}, under the same guard as
     * {@link #changeStatus}: only from {@code from} at {@code expectedVersion}.
     */
    public boolean solveAgain(long id, int expectedVersion, List<PlanStatus> from, String objective) {
        return jdbc.sql("""
                update plan set status = 'SOLVING', objective = ?, failure = null, version = version + 1,
                                updated_at = now()
                where id = ? and status = any(?) and version = ?""")
                .params(objective, id, names(from), expectedVersion)
                .update() == 1;
    }

    /**
     * Stores a solver result (visits, tours, score) if the plan is still SOLVING, in one transaction.
     * @return false when the plan is no longer SOLVING (nothing stored)
     */
    @Transactional
    public boolean saveSolution(long planId, PlanStatus status, String score, String travelTimes, String kpisJson,
                                List<PlanVisitRecord> visits, List<PlanTourRecord> tours) {
        int n = jdbc.sql("""
                update plan set status = ?, score = ?, travel_times = ?, kpis = ?::jsonb, version = version + 1,
                                updated_at = now() where id = ? and status = 'SOLVING'""")
                .params(status.name(), score, travelTimes, kpisJson, planId).update();
        if (n == 0) {
            return false;
        }
        replaceVisits(planId, visits, tours);
        return true;
    }

    /**
     * The best plan so far of a run still going (a checkpoint): visits, tours, score and KPIs, while
     * the plan stays SOLVING. Readers see the tours improve; a process that dies keeps the last one.
     * @return the plan's new version, or empty when it is no longer SOLVING (nothing stored)
     */
    @Transactional
    public Optional<Integer> saveProgress(long planId, String score, String travelTimes, String kpisJson,
                                          List<PlanVisitRecord> visits, List<PlanTourRecord> tours) {
        Optional<Integer> version = jdbc.sql("""
                update plan set score = ?, travel_times = ?, kpis = ?::jsonb, version = version + 1,
                                updated_at = now() where id = ? and status = 'SOLVING' returning version""")
                .params(score, travelTimes, kpisJson, planId).query(Integer.class).optional();
        version.ifPresent(v -> replaceVisits(planId, visits, tours));
        return version;
    }

    /**
     * A manual edit: new visits, tours and score, only if the plan is still at {@code expectedVersion}
     * and neither solving nor published.
     * @return false when someone else changed the plan first
     */
    @Transactional
    public boolean saveEdit(long planId, int expectedVersion, String score, String kpisJson,
                            List<PlanVisitRecord> visits, List<PlanTourRecord> tours) {
        int n = jdbc.sql("""
                update plan set score = ?, kpis = ?::jsonb, version = version + 1, updated_at = now()
                where id = ? and version = ? and status in ('SOLVED', 'FAILED', 'DRAFT')""")
                .params(score, kpisJson, planId, expectedVersion).update();
        if (n == 0) {
            return false;
        }
        replaceVisits(planId, visits, tours);
        return true;
    }

    private void replaceVisits(long planId, List<PlanVisitRecord> visits, List<PlanTourRecord> tours) {
        jdbc.sql("delete from plan_visit where plan_id = ?").param(planId).update();
        jdbc.sql("delete from plan_tour where plan_id = ?").param(planId).update();
        for (PlanVisitRecord v : visits) {
            jdbc.sql("insert into plan_visit (plan_id, " + VISIT_COLUMNS + ")"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)")
                    .params(planId, v.visitId(), v.siteId(), v.teamId(), v.date(), v.sequence(), v.arrival(),
                            v.start(), v.end(), v.appointments(), toArrayLiteral(v.services()), v.travelSeconds(),
                            v.travelMeters(), v.pinned(), v.pinnedStart(), v.unassignedReason(), v.travelManual())
                    .update();
            for (PlanVisitRecord.DemandShare d : v.demand()) {
                jdbc.sql("insert into plan_visit_demand (plan_id, visit_id, demand_id, appointments) values (?, ?, ?, ?)")
                        .params(planId, v.visitId(), d.demandId(), d.appointments()).update();
            }
        }
        for (PlanTourRecord t : tours) {
            jdbc.sql("""
                    insert into plan_tour (plan_id, team_id, tour_date, departure, return_to_base, return_manual,
                                           break_start, break_end)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planId, t.teamId(), t.date(), t.departure(), t.returnToBase(), t.returnManual(),
                            t.breakStart(), t.breakEnd()).update();
        }
    }

    public List<PlanVisitRecord> findVisits(long planId) {
        Map<String, List<PlanVisitRecord.DemandShare>> shares = new HashMap<>();
        jdbc.sql("select visit_id, demand_id, appointments from plan_visit_demand where plan_id = ? order by demand_id")
                .param(planId).query(rs -> {
                    shares.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PlanVisitRecord.DemandShare(rs.getLong(2), rs.getInt(3)));
                });
        return jdbc.sql("select " + VISIT_COLUMNS + " from plan_visit where plan_id = ?"
                        + " order by team_id nulls last, visit_date, sequence, visit_id")
                .param(planId)
                .query((rs, n) -> visit(rs, shares.getOrDefault(rs.getString("visit_id"), List.of()))).list();
    }

    public List<PlanTourRecord> findTours(long planId) {
        return jdbc.sql("""
                        select team_id, tour_date, departure, return_to_base, return_manual, break_start, break_end
                        from plan_tour where plan_id = ? order by team_id, tour_date""")
                .param(planId)
                .query((rs, n) -> new PlanTourRecord(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getBoolean(5),
                        rs.getObject(6, LocalTime.class), rs.getObject(7, LocalTime.class)))
                .list();
    }

    /**
     * Publishes a plan if it is SOLVED: a previously published plan of the same week becomes SUPERSEDED; the
     * published plan itself is never edited in place afterwards. Its stops at public sites become what
     * citizens see and book ({@link PublicStopPublisher}), in the same transaction.
     */
    @Transactional
    public boolean publish(long planId, LocalDate weekStart) {
        // lock the plan first: nothing may re-solve or edit it between the check and the publish
        boolean solved = jdbc.sql("select id from plan where id = ? and status = 'SOLVED' for update")
                .param(planId).query(Long.class).optional().isPresent();
        if (!solved) {
            return false;
        }
        jdbc.sql("""
                update plan set status = 'SUPERSEDED', version = version + 1, updated_at = now()
                where week_start = ? and status = 'PUBLISHED' and id <> ?""")
                .params(weekStart, planId).update();
        jdbc.sql("""
                update plan set status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now()
                where id = ?""")
                .param(planId).update();
        publicStops.publish(planId, weekStart);
        return true;
    }

    /**
     * Plans SOLVING without an active job (nothing will end their SOLVING) and unchanged for
     * {@code graceSeconds}: never left stuck.
     */
    public int failInterrupted(String reason, int graceSeconds) {
        return jdbc.sql("""
                update plan p set status = 'FAILED', failure = ?, version = version + 1, updated_at = now()
                where p.status = 'SOLVING' and p.updated_at < now() - make_interval(secs => ?)
                and not exists (select 1 from solver_job j where j.plan_id = p.id and j.status in ('QUEUED', 'RUNNING'))""")
                .params(reason, graceSeconds).update();
    }

    private static String[] names(List<PlanStatus> statuses) {
        return statuses.stream().map(PlanStatus::name).toArray(String[]::new);
    }

    private static PlanRecord plan(ResultSet rs, int row) throws SQLException {
        return new PlanRecord(rs.getLong("id"), rs.getObject("week_start", LocalDate.class), PlanStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getString("score"), rs.getString("travel_times"),
                rs.getString("objective"), (Integer) rs.getObject("solve_seconds"), rs.getString("kpis"), rs.getString("failure"),
                (Long) rs.getObject("based_on_plan"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class));
    }

    private static PlanVisitRecord visit(ResultSet rs, List<PlanVisitRecord.DemandShare> shares) throws SQLException {
        Array services = rs.getArray("services");
        return new PlanVisitRecord(rs.getString("visit_id"), rs.getLong("site_id"), (Long) rs.getObject("team_id"),
                rs.getObject("visit_date", LocalDate.class), (Integer) rs.getObject("sequence"),
                rs.getObject("arrival", LocalTime.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getInt("appointments"),
                Arrays.asList((String[]) services.getArray()), (Integer) rs.getObject("travel_seconds"),
                (Integer) rs.getObject("travel_meters"), rs.getBoolean("pinned"),
                rs.getObject("pinned_start", LocalTime.class), rs.getString("unassigned_reason"),
                rs.getBoolean("travel_manual"), shares);
    }

    /** PostgreSQL array literal; service codes are [A-Z0-9_] so no quoting is needed. */
    private static String toArrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
