package de.kuzmobil.data.team;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A mobile team: base (a service centre where tours start and end), skills, daily capacity,
 * lunch-break rule (ArbZG §4 defaults) and shifts per date. {@code id} is null before insert.
 */
public record TeamRecord(Long id, String name, String baseName, String baseAddress,
                         double baseLatitude, double baseLongitude, int maxAppointmentsPerDay,
                         int breakMinutesOver6h, int breakMinutesOver9h,
                         LocalTime breakSpanStart, LocalTime breakSpanEnd,
                         Set<String> skills, List<Shift> shifts) {

    public TeamRecord {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    public TeamRecord withId(long newId) {
        return new TeamRecord(newId, name, baseName, baseAddress, baseLatitude, baseLongitude,
                maxAppointmentsPerDay, breakMinutesOver6h, breakMinutesOver9h, breakSpanStart, breakSpanEnd,
                skills, shifts);
    }
}
