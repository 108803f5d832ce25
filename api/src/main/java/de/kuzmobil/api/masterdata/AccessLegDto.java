package de.kuzmobil.api.masterdata;

import de.kuzmobil.data.site.AccessLegRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/**
 * A declared way to a site the roads do not reach (a ship or the tidal carriage to Neuwerk): door to
 * door from any team's base, the same time each way, on these weekdays (none given: every day). The
 * planner uses it instead of road times and marks those legs "manual".
 */
@Schema(description = "Declared access leg, e.g. a ship: door-to-door minutes from any team's base, each way")
public record AccessLegDto(@NotBlank @Size(max = 200) String description,
                           @NotNull @Min(1) @Max(720) Integer minutesEachWay,
                           List<@NotNull DayOfWeek> weekdays) {

    static AccessLegDto of(AccessLegRecord r) {
        return r == null ? null : new AccessLegDto(r.description(), r.minutesEachWay(),
                r.weekdays().stream().sorted().toList());
    }

    AccessLegRecord toRecord() {
        return new AccessLegRecord(description.strip(), minutesEachWay,
                weekdays == null ? Set.of() : Set.copyOf(weekdays));
    }
}
