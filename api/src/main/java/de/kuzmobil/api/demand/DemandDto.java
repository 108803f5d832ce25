package de.kuzmobil.api.demand;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.kuzmobil.data.demand.DemandRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Expected appointments of one service at one site between two dates; priority 1 (low) to 5. */
public record DemandDto(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
        @NotNull Long siteId,
        @NotBlank @Size(max = 50) String serviceType,
        @NotNull @Min(1) @Max(1000) Integer appointments,
        @NotNull LocalDate earliestDate,
        @NotNull LocalDate latestDate,
        @Min(1) @Max(5) Integer priority,
        @Size(max = 2000) String note) {

    @JsonIgnore
    @AssertTrue(message = "latestDate must not be before earliestDate")
    public boolean isOrdered() {
        return earliestDate == null || latestDate == null || !latestDate.isBefore(earliestDate);
    }

    static DemandDto of(DemandRecord d) {
        return new DemandDto(d.id(), d.siteId(), d.serviceType(), d.appointments(), d.earliestDate(), d.latestDate(),
                d.priority(), d.note());
    }

    DemandRecord toRecord(Long withId) {
        return new DemandRecord(withId, siteId, serviceType, appointments, earliestDate, latestDate,
                priority == null ? 3 : priority, note);
    }
}
