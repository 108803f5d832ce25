package de.kuzmobil.data.team;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TeamRepositoryTest {

    static TestSchema db;
    static TeamRepository teams;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        teams = new TeamRepository(db.jdbc());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void savesSkillsShiftsAndBreakRule() {
        TeamRecord saved = teams.save(new TeamRecord(null, "Mobiles Team Süd", "Harburg", "Harburger Rathausforum 3",
                53.4591, 9.9780, 40, 30, 45, LocalTime.of(11, 30), LocalTime.of(14, 0),
                Set.of("biometric", "registration"),
                List.of(new Shift(LocalDate.of(2026, 12, 7), LocalTime.of(7, 30), LocalTime.of(16, 30)),
                        new Shift(LocalDate.of(2026, 12, 8), LocalTime.of(8, 0), LocalTime.of(15, 0)))));

        TeamRecord read = teams.find(saved.id()).orElseThrow();
        assertThat(read.skills()).containsExactlyInAnyOrder("biometric", "registration");
        assertThat(read.shifts()).extracting(Shift::date)
                .containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8));
        assertThat(read.breakMinutesOver9h()).isEqualTo(45);
        assertThat(read.breakSpanStart()).isEqualTo(LocalTime.of(11, 30));
        assertThat(teams.findAll()).extracting(TeamRecord::name).containsExactly("Mobiles Team Süd");

        teams.save(new TeamRecord(saved.id(), read.name(), read.baseName(), read.baseAddress(), read.baseLatitude(),
                read.baseLongitude(), 30, 30, 45, read.breakSpanStart(), read.breakSpanEnd(), Set.of("registration"),
                List.of()));
        TeamRecord updated = teams.find(saved.id()).orElseThrow();
        assertThat(updated.skills()).containsExactly("registration");
        assertThat(updated.shifts()).isEmpty();
        assertThat(updated.maxAppointmentsPerDay()).isEqualTo(30);
    }
}
