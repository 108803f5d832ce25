package de.kuzmobil.planner.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a site can be visited: several windows per weekday plus monthly "nth weekday" rules, minus
 * closed dates (holidays). A visit must fit inside one single window; windows are not merged,
 * because a gap between two windows (lunch closure of a bank branch) is a real closure.
 */
public record OpeningRules(Map<DayOfWeek, List<OpeningWindow>> weekly, List<MonthlyRule> monthly,
                           Set<LocalDate> closedDates) {

    public static final OpeningRules ALWAYS_CLOSED = new OpeningRules(Map.of(), List.of(), Set.of());

    public OpeningRules {
        weekly = Map.copyOf(weekly);
        monthly = List.copyOf(monthly);
        closedDates = Set.copyOf(closedDates);
    }

    /** Same windows Monday to Friday. */
    public static OpeningRules weekdays(OpeningWindow... windows) {
        Map<DayOfWeek, List<OpeningWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(windows));
        }
        return new OpeningRules(weekly, List.of(), Set.of());
    }

    public static OpeningRules monthlyOnly(MonthlyRule... rules) {
        return new OpeningRules(Map.of(), List.of(rules), Set.of());
    }

    public OpeningRules withMonthly(MonthlyRule rule) {
        List<MonthlyRule> rules = new ArrayList<>(monthly);
        rules.add(rule);
        return new OpeningRules(weekly, rules, closedDates);
    }

    /** Windows on that date, sorted by start. */
    public List<OpeningWindow> windowsOn(LocalDate date) {
        if (closedDates.contains(date)) {
            return List.of();
        }
        List<OpeningWindow> result = new ArrayList<>(weekly.getOrDefault(date.getDayOfWeek(), List.of()));
        for (MonthlyRule rule : monthly) {
            if (rule.appliesTo(date)) {
                result.add(rule.window());
            }
        }
        result.sort(Comparator.comparing(OpeningWindow::start).thenComparing(OpeningWindow::end));
        return result;
    }
}
