package de.kuzmobil.api.masterdata;

import de.kuzmobil.data.site.MonthlyWindow;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** Open on the n-th weekday of each month (5 = the last), e.g. 2nd Thursday 09:30-18:00. */
public record MonthlyWindowDto(@NotNull @Min(1) @Max(5) Integer weekOfMonth, @NotNull DayOfWeek weekday,
                               @NotNull LocalTime start, @NotNull LocalTime end) {

    @JsonIgnore
    @AssertTrue(message = "end must be after start")
    public boolean isOrdered() {
        return start == null || end == null || end.isAfter(start);
    }

    static MonthlyWindowDto of(MonthlyWindow w) {
        return new MonthlyWindowDto(w.weekOfMonth(), w.weekday(), w.start(), w.end());
    }

    MonthlyWindow toWindow() {
        return new MonthlyWindow(weekOfMonth, weekday, start, end);
    }
}
