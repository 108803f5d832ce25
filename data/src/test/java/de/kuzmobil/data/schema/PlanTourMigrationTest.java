package de.kuzmobil.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanTourRecord;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V3 keeps the tours of plans stored before it: breaks move to plan_tour, departures are derived. */
class PlanTourMigrationTest {

    @Test
    void breaksAndDeparturesOfEarlierPlansSurviveTheMigration() {
        try (TestSchema db = TestDatabase.freshSchemaAt("2")) {
            JdbcClient jdbc = db.jdbc();
            long site = jdbc.sql("""
                    insert into site (name, kind, district, latitude, longitude)
                    values ('Finkenwerder', 'PART_TIME_CENTRE', 'Hamburg-Mitte', 53.527, 9.866) returning id""")
                    .query(Long.class).single();
            long team = jdbc.sql("""
                    insert into team (name, base_name, base_latitude, base_longitude, max_appointments_per_day)
                    values ('Mobiles Team Süd', 'Harburg', 53.459, 9.978, 40) returning id""")
                    .query(Long.class).single();
            long plan = jdbc.sql("insert into plan (week_start, status) values ('2026-12-07', 'SOLVED') returning id")
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into plan_visit (plan_id, visit_id, site_id, team_id, visit_date, sequence, arrival,
                                            start_time, end_time, appointments, services, travel_seconds)
                    values (?, 'v1', ?, ?, '2026-12-09', 0, '08:21:40', '09:00', '11:00', 8, '{ID_CARD}', 1300),
                           (?, 'v2', ?, ?, '2026-12-09', 1, '11:10', '11:10', '12:00', 4, '{ID_CARD}', 600)""")
                    .params(plan, site, team, plan, site, team).update();
            jdbc.sql("insert into plan_break values (?, ?, '2026-12-09', '12:00', '12:30')").params(plan, team).update();

            db.migrate();

            assertThat(new PlanRepository(jdbc).findTours(plan)).containsExactly(new PlanTourRecord(team,
                    LocalDate.of(2026, 12, 9), LocalTime.of(8, 0), null, false, LocalTime.of(12, 0),
                    LocalTime.of(12, 30)));
            assertThat(new PlanRepository(jdbc).findVisits(plan)).noneMatch(v -> v.travelManual());
            assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = ?"
                    + " and table_name = 'plan_break'").param(db.name()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void accessLegsAreCheckedByTheSchema() {
        try (TestSchema db = TestDatabase.freshSchema()) {
            JdbcClient jdbc = db.jdbc();
            long site = jdbc.sql("""
                    insert into site (name, kind, district, latitude, longitude)
                    values ('Neuwerk', 'ISLAND', 'Hamburg-Mitte', 53.915, 8.497) returning id""")
                    .query(Long.class).single();
            assertThatThrownBy(() -> jdbc.sql("insert into site_access_leg values (?, 'Schiff', 90, '{3,8}')")
                    .param(site).update()).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.sql("insert into site_access_leg values (?, 'Schiff', 0, '{}')")
                    .param(site).update()).isInstanceOf(DataIntegrityViolationException.class);
            assertThat(jdbc.sql("insert into site_access_leg values (?, 'Schiff', 90, '{3}')").param(site).update())
                    .isEqualTo(1);
            jdbc.sql("delete from site where id = ?").param(site).update();
            assertThat(jdbc.sql("select count(*) from site_access_leg").query(Long.class).single()).isZero();
        }
    }
}
