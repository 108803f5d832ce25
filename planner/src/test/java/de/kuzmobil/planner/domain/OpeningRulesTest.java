package de.kuzmobil.planner.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningRulesTest {

    private static final OpeningWindow MORNING = OpeningWindow.of("09:00", "12:00");
    private static final OpeningWindow AFTERNOON = OpeningWindow.of("13:30", "17:00");
    private static final OpeningWindow HASPA = OpeningWindow.of("09:30", "18:00");

    @Test
    void secondThursdayOnlyOnTheSecondThursday() {
        MonthlyRule rule = new MonthlyRule(2, DayOfWeek.THURSDAY, HASPA);

        assertThat(rule.appliesTo(LocalDate.of(2026, 12, 3))).isFalse();
        assertThat(rule.appliesTo(LocalDate.of(2026, 12, 10))).isTrue();
        assertThat(rule.appliesTo(LocalDate.of(2026, 12, 17))).isFalse();
        assertThat(rule.appliesTo(LocalDate.of(2026, 12, 9))).isFalse();
        assertThat(rule.appliesTo(LocalDate.of(2027, 1, 14))).isTrue();
    }

    @Test
    void lastWeekdayOfMonth() {
        MonthlyRule lastWednesday = new MonthlyRule(-1, DayOfWeek.WEDNESDAY, HASPA);

        assertThat(lastWednesday.appliesTo(LocalDate.of(2026, 12, 30))).isTrue();
        assertThat(lastWednesday.appliesTo(LocalDate.of(2026, 12, 23))).isFalse();
    }

    @Test
    void weeklyAndMonthlyWindowsCombineSortedAndClosedDatesWin() {
        OpeningRules rules = new OpeningRules(Map.of(DayOfWeek.THURSDAY, List.of(AFTERNOON, MORNING)),
                List.of(new MonthlyRule(2, DayOfWeek.THURSDAY, HASPA)), Set.of(LocalDate.of(2026, 12, 24)));

        assertThat(rules.windowsOn(LocalDate.of(2026, 12, 3))).containsExactly(MORNING, AFTERNOON);
        assertThat(rules.windowsOn(LocalDate.of(2026, 12, 10))).containsExactly(MORNING, HASPA, AFTERNOON);
        assertThat(rules.windowsOn(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(rules.windowsOn(LocalDate.of(2026, 12, 11))).isEmpty();
    }

    @Test
    void breakRuleFollowsArbZG() {
        BreakRule rule = BreakRule.defaultRule();

        assertThat(rule.requiredSeconds(6 * 3600)).isZero();
        assertThat(rule.requiredSeconds(6 * 3600 + 1)).isEqualTo(30 * 60);
        assertThat(rule.requiredSeconds(9 * 3600)).isEqualTo(30 * 60);
        assertThat(rule.requiredSeconds(9 * 3600 + 1)).isEqualTo(45 * 60);
    }
}
