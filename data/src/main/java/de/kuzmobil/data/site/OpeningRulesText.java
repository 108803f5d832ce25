package de.kuzmobil.data.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening rules in the short form dispatchers write: {@code MON-FRI 09:00-12:00; 2nd THU 09:30-18:00;
 * last WED 10:00-12:00}. Parses into weekly and monthly windows.
 */
public final class OpeningRulesText {

    /** Weekly and monthly windows parsed from one text. */
    public record Parsed(List<WeeklyWindow> weekly, List<MonthlyWindow> monthly) {
    }

    private static final Pattern RULE = Pattern.compile(
            "(?:(1st|2nd|3rd|4th|last)\\s+)?([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");

    private OpeningRulesText() {
    }

    public static Parsed parse(String text) {
        List<WeeklyWindow> weekly = new ArrayList<>();
        List<MonthlyWindow> monthly = new ArrayList<>();
        for (String part : text.split(";")) {
            String rule = part.trim().toUpperCase(Locale.ROOT).replace("1ST", "1st").replace("2ND", "2nd")
                    .replace("3RD", "3rd").replace("4TH", "4th").replace("LAST", "last");
            if (rule.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(rule);
            if (!m.matches()) {
                throw new IllegalArgumentException("opening rule not understood: '" + part.trim()
                        + "' (expected e.g. 'MON-FRI 09:00-12:00' or '2nd THU 09:30-18:00')");
            }
            DayOfWeek from = day(m.group(2));
            DayOfWeek to = m.group(3) == null ? from : day(m.group(3));
            LocalTime start = LocalTime.parse(pad(m.group(4)));
            LocalTime end = LocalTime.parse(pad(m.group(5)));
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("opening window ends before it starts: '" + part.trim() + "'");
            }
            if (m.group(1) != null) {
                if (to != from) {
                    throw new IllegalArgumentException("a monthly rule names one weekday: '" + part.trim() + "'");
                }
                int week = switch (m.group(1)) {
                    case "1st" -> 1;
                    case "2nd" -> 2;
                    case "3rd" -> 3;
                    case "4th" -> 4;
                    default -> 5;
                };
                monthly.add(new MonthlyWindow(week, from, start, end));
            } else {
                for (int d = from.getValue(); d <= to.getValue(); d++) {
                    weekly.add(new WeeklyWindow(DayOfWeek.of(d), start, end));
                }
            }
        }
        return new Parsed(weekly, monthly);
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown weekday: " + abbreviation);
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
