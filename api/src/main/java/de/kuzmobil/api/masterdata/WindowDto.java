package de.kuzmobil.api.masterdata;

import de.kuzmobil.data.site.WeeklyWindow;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** Open every {@code weekday} from start to end. */
public record WindowDto(@NotNull DayOfWeek weekday, @NotNull LocalTime start, @NotNull LocalTime end) {

    @JsonIgnore
    @AssertTrue(message = "end must be after start")
    public boolean isOrdered() {
        return start == null || end == null || end.isAfter(start);
    }

    static WindowDto of(WeeklyWindow w) {
        return new WindowDto(w.weekday(), w.start(), w.end());
    }

    WeeklyWindow toWindow() {
        return new WeeklyWindow(weekday, start, end);
    }
}
