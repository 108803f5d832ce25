package de.kuzmobil.data.site;

import java.util.List;

/**
 * A place a mobile team serves, with its opening rules. {@code id} is null before insert.
 */
public record SiteRecord(Long id, String name, String kind, String district, String address,
                         double latitude, double longitude, int setupMinutes,
                         List<WeeklyWindow> weeklyWindows, List<MonthlyWindow> monthlyWindows,
                         String coordSource, String note) {

    public SiteRecord {
        weeklyWindows = weeklyWindows == null ? List.of() : List.copyOf(weeklyWindows);
        monthlyWindows = monthlyWindows == null ? List.of() : List.copyOf(monthlyWindows);
    }

    public SiteRecord withId(long newId) {
        return new SiteRecord(newId, name, kind, district, address, latitude, longitude, setupMinutes,
                weeklyWindows, monthlyWindows, coordSource, note);
    }
}
