package de.kuzmobil.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.site.MonthlyWindow;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.site.WeeklyWindow;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DemoDataLoaderTest {

    static TestSchema db;
    static DemoDataLoader loader;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        loader = new DemoDataLoader(db.jdbc(), new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void loadsRealRulesOnceAndLeavesOutSitesWithoutCoordinates() {
        assertThat(loader.loadIfAbsent()).isTrue();
        SiteRepository sites = new SiteRepository(db.jdbc());
        int siteCount = sites.findAll().size();
        long demandCount = new DemandRepository(db.jdbc()).count();

        SiteRecord curslack = sites.findByName("Curslack (Haspa)").orElseThrow();
        assertThat(curslack.monthlyWindows()).containsExactlyInAnyOrder(
                new MonthlyWindow(2, DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(18, 0)),
                new MonthlyWindow(4, DayOfWeek.WEDNESDAY, LocalTime.of(9, 30), LocalTime.of(13, 0)));
        assertThat(curslack.district()).isEqualTo("Bergedorf");
        SiteRecord finkenwerder = sites.findByName("Finkenwerder").orElseThrow();
        assertThat(finkenwerder.weeklyWindows()).containsExactlyInAnyOrder(
                new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(14, 30)),
                new WeeklyWindow(DayOfWeek.THURSDAY, LocalTime.of(11, 30), LocalTime.of(18, 0)));
        assertThat(sites.findByName("Neuwerk (Insel)")).isPresent();
        assertThat(sites.findByName("Asklepios Klinik Harburg")).as("no sourced coordinates").isEmpty();
        assertThat(new TeamRepository(db.jdbc()).findAll()).extracting(TeamRecord::name)
                .contains("Mobiles Team Ost", "Mobiles Team Süd");
        TeamRecord ost = new TeamRepository(db.jdbc()).findAll().stream()
                .filter(t -> t.name().equals("Mobiles Team Ost")).findFirst().orElseThrow();
        assertThat(ost.baseAddress()).isEqualTo("Schloßstraße 60, 22041 Hamburg");
        assertThat(ost.shifts()).isNotEmpty();
        assertThat(demandCount).isGreaterThan(20);

        assertThat(loader.loadIfAbsent()).as("second start loads nothing").isFalse();
        assertThat(sites.findAll()).hasSize(siteCount);
        assertThat(new DemandRepository(db.jdbc()).count()).isEqualTo(demandCount);
    }
}
