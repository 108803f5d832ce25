package de.kuzmobil.data.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningRulesTextTest {

    @Test
    void parsesWeekdayRangesAndMonthlyRules() {
        OpeningRulesText.Parsed p = OpeningRulesText.parse("WED 08:00-14:30; THU 11:30-18:00; 2nd THU 9:30-18:00");
        assertThat(p.weekly()).containsExactly(
                new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(14, 30)),
                new WeeklyWindow(DayOfWeek.THURSDAY, LocalTime.of(11, 30), LocalTime.of(18, 0)));
        assertThat(p.monthly()).containsExactly(
                new MonthlyWindow(2, DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(18, 0)));
        assertThat(OpeningRulesText.parse("MON-FRI 09:00-12:00").weekly()).hasSize(5);
    }

    @Test
    void rejectsNonsenseWithTheRuleInTheMessage() {
        assertThatThrownBy(() -> OpeningRulesText.parse("MON 18:00-08:00"))
                .hasMessageContaining("MON 18:00-08:00");
        assertThatThrownBy(() -> OpeningRulesText.parse("sometimes")).hasMessageContaining("sometimes");
    }
}
