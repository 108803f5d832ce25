package de.kuzmobil.data.site;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SiteRepositoryTest {

    static TestSchema db;
    static SiteRepository sites;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        sites = new SiteRepository(db.jdbc());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void savesAndReadsSeveralWindowsPerDayAndMonthlyRules() {
        OpeningRulesText.Parsed rules = OpeningRulesText.parse(
                "MON-FRI 09:30-12:00; MON-FRI 14:00-16:30; 2nd THU 09:30-18:00; last WED 10:00-12:00");
        SiteRecord saved = sites.save(new SiteRecord(null, "Pflegeheim Kirchwerder", "CARE_HOME", "Bergedorf", null,
                53.419722, 10.201667, 20, rules.weekly(), rules.monthly(), "test", "sample"));

        SiteRecord read = sites.find(saved.id()).orElseThrow();
        assertThat(read.weeklyWindows()).hasSize(10)
                .contains(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(12, 0)),
                        new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(16, 30)));
        assertThat(read.monthlyWindows()).containsExactly(
                new MonthlyWindow(2, DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(18, 0)),
                new MonthlyWindow(5, DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)));
        assertThat(sites.findAll()).extracting(SiteRecord::name).contains("Pflegeheim Kirchwerder");
        assertThat(read.latitude()).isEqualTo(53.419722);
    }

    @Test
    void updateReplacesWindowsAndDeleteRemoves() {
        SiteRecord saved = sites.save(new SiteRecord(null, "Horn", "BANK_BRANCH", "Hamburg-Mitte", null, 53.557255,
                10.11719, 20, List.of(), OpeningRulesText.parse("2nd WED 09:30-13:00").monthly(), "test", null));
        SiteRecord changed = new SiteRecord(saved.id(), "Horn (Haspa)", "BANK_BRANCH", "Hamburg-Mitte", null,
                53.557255, 10.11719, 25, List.of(), OpeningRulesText.parse("4th THU 09:30-18:00").monthly(), "test",
                null);
        sites.save(changed);
        SiteRecord read = sites.find(saved.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Horn (Haspa)");
        assertThat(read.setupMinutes()).isEqualTo(25);
        assertThat(read.monthlyWindows()).containsExactly(
                new MonthlyWindow(4, DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(18, 0)));
        assertThat(sites.delete(saved.id())).isTrue();
        assertThat(sites.find(saved.id())).isEmpty();
    }

    @Test
    void accessLegIsSavedReplacedAndRemovedWithItsSite() {
        SiteRecord island = new SiteRecord(null, "Neuwerk (test)", "ISLAND", "Hamburg-Mitte", null, 53.915, 8.497, 20,
                List.of(), List.of(), "test", null);
        SiteRecord saved = sites.save(island, new AccessLegRecord("Schiff ab Cuxhaven", 150,
                java.util.Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY)));
        assertThat(sites.findAccessLeg(saved.id())).contains(new AccessLegRecord("Schiff ab Cuxhaven", 150,
                java.util.Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)));
        assertThat(sites.findAccessLegs()).containsKey(saved.id());

        sites.save(saved, new AccessLegRecord("Wattwagen ab Duhnen", 120, java.util.Set.of()));
        assertThat(sites.findAccessLeg(saved.id()).orElseThrow().weekdays()).isEmpty();

        sites.save(saved, null);
        assertThat(sites.findAccessLeg(saved.id())).isEmpty();
        assertThat(sites.findAccessLegs()).doesNotContainKey(saved.id());
    }
}
