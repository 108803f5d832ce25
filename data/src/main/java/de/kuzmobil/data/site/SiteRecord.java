package de.kuzmobil.data.site;

import java.util.List;

/**
 * A place a mobile team serves, with its opening rules. {@code id} is null before insert.
 *
 * @param visibility PUBLIC: citizens see its stops and may book them; INTERNAL: visited for its
 *                   residents only (care homes, prisons, hospital wards), never shown to the public
 */
public record SiteRecord(Long id, String name, String kind, String district, String address,
                         double latitude, double longitude, int setupMinutes,
                         List<WeeklyWindow> weeklyWindows, List<MonthlyWindow> monthlyWindows,
                         String coordSource, String note, String visibility) {

    public static final String PUBLIC = "PUBLIC";
    public static final String INTERNAL = "INTERNAL";

    public SiteRecord {
        weeklyWindows = weeklyWindows == null ? List.of() : List.copyOf(weeklyWindows);
        monthlyWindows = monthlyWindows == null ? List.of() : List.copyOf(monthlyWindows);
        visibility = visibility == null ? PUBLIC : visibility;
    }

    /** A public site. */
    public SiteRecord(Long id, String name, String kind, String district, String address, double latitude,
                      double longitude, int setupMinutes, List<WeeklyWindow> weeklyWindows,
                      List<MonthlyWindow> monthlyWindows, String coordSource, String note) {
        this(id, name, kind, district, address, latitude, longitude, setupMinutes, weeklyWindows, monthlyWindows,
                coordSource, note, PUBLIC);
    }

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }

    public SiteRecord withId(long newId) {
        return new SiteRecord(newId, name, kind, district, address, latitude, longitude, setupMinutes,
                weeklyWindows, monthlyWindows, coordSource, note, visibility);
    }
}
