package de.kuzmobil.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.site.MonthlyWindow;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.site.WeeklyWindow;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.team.Shift;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad rows are stopped by the schema itself, even when they bypass the API. */
class SchemaConstraintsTest {

    static TestSchema db;
    static JdbcClient jdbc;
    static SiteRepository sites;
    static long siteId;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        jdbc = db.jdbc();
        sites = new SiteRepository(jdbc);
        new ServiceTypeRepository(jdbc).save(new ServiceTypeRecord("ID_CARD", "ID card", 15, "biometric"));
        siteId = sites.save(site("Finkenwerder", 53.52694, List.of())).id();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static SiteRecord site(String name, double latitude, List<WeeklyWindow> windows) {
        return new SiteRecord(null, name, "PART_TIME_CENTRE", "Hamburg-Mitte", "Butendeichsweg 2", latitude, 9.86583,
                15, windows, List.of(), "test", null);
    }

    @Test
    void windowEndingBeforeItStartsIsRejected() {
        SiteRecord bad = site("Wilhelmsburg", 53.49889,
                List.of(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(14, 30), LocalTime.of(8, 0))));
        assertThatThrownBy(() -> sites.save(bad)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("site_weekly_window");
    }

    @Test
    void monthlyRuleBeyondFifthWeekIsRejected() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into site_monthly_window (site_id, week_of_month, weekday, start_time, end_time)
                values (?, 6, 4, '09:30', '18:00')""").param(siteId).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // the same rule in a valid week goes in
        SiteRecord ok = new SiteRecord(null, "Curslack", "BANK_BRANCH", "Bergedorf", null, 53.458611, 10.215833, 20,
                List.of(), List.of(new MonthlyWindow(2, DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(18, 0))),
                "test", null);
        assertThat(sites.save(ok).id()).isPositive();
    }

    @Test
    void negativeAppointmentsAreRejected() {
        DemandRepository demand = new DemandRepository(jdbc);
        LocalDate d = LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> demand.save(new DemandRecord(null, siteId, "ID_CARD", -3, d, d, 3, null)))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("appointments");
        assertThatThrownBy(() -> demand.save(new DemandRecord(null, siteId, "ID_CARD", 0, d, d, 3, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void demandEndingBeforeItStartsIsRejected() {
        DemandRepository demand = new DemandRepository(jdbc);
        assertThatThrownBy(() -> demand.save(new DemandRecord(null, siteId, "ID_CARD", 3,
                LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 8), 3, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void demandForUnknownSiteOrServiceIsRejected() {
        DemandRepository demand = new DemandRepository(jdbc);
        LocalDate d = LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> demand.save(new DemandRecord(null, 999_999, "ID_CARD", 3, d, d, 3, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> demand.save(new DemandRecord(null, siteId, "TELEPORT", 3, d, d, 3, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void latitudeOutOfRangeIsRejected() {
        assertThatThrownBy(() -> sites.save(site("Nowhere", 200, List.of())))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("latitude");
        assertThat(sites.findByName("Nowhere")).isEmpty();
    }

    @Test
    void shiftEndingBeforeItStartsIsRejected() {
        TeamRepository teams = new TeamRepository(jdbc);
        TeamRecord bad = new TeamRecord(null, "Team X", "Harburg", null, 53.4591, 9.9780, 40, 30, 45,
                LocalTime.of(11, 30), LocalTime.of(14, 0), Set.of("biometric"),
                List.of(new Shift(LocalDate.of(2026, 12, 7), LocalTime.of(16, 0), LocalTime.of(8, 0))));
        assertThatThrownBy(() -> teams.save(bad)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void planWeekMustStartOnMonday() {
        assertThatThrownBy(() -> jdbc.sql("insert into plan (week_start, status) values ('2026-12-08', 'DRAFT')")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void onlyOnePublishedPlanPerWeek() {
        jdbc.sql("insert into plan (week_start, status, published_at) values ('2026-12-14', 'PUBLISHED', now())")
                .update();
        assertThatThrownBy(() -> jdbc.sql(
                "insert into plan (week_start, status, published_at) values ('2026-12-14', 'PUBLISHED', now())")
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
