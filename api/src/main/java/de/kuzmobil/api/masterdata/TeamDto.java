package de.kuzmobil.api.masterdata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.kuzmobil.data.team.Shift;
import de.kuzmobil.data.team.TeamRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** A mobile team with its base, skills, capacity, break rule and shifts per date. */
public record TeamDto(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String baseName,
        @Size(max = 300) String baseAddress,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double baseLatitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double baseLongitude,
        @NotNull @Min(1) @Max(500) Integer maxAppointmentsPerDay,
        @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 50) String> skills,
        @Valid BreakRuleDto breakRule,
        @Size(max = 1000) List<@NotNull @Valid ShiftDto> shifts) {

    /** ArbZG §4 by default: 30 min beyond 6 h of work, 45 min beyond 9 h, inside the span. */
    public record BreakRuleDto(@Min(0) @Max(120) int minutesOver6h, @Min(0) @Max(120) int minutesOver9h,
                               @NotNull LocalTime spanStart, @NotNull LocalTime spanEnd) {
        @JsonIgnore
        @AssertTrue(message = "spanEnd must be after spanStart, minutesOver9h at least minutesOver6h")
        public boolean isConsistent() {
            return spanStart == null || spanEnd == null || spanEnd.isAfter(spanStart) && minutesOver9h >= minutesOver6h;
        }
    }

    public record ShiftDto(@NotNull LocalDate date, @NotNull LocalTime start, @NotNull LocalTime end) {
        @JsonIgnore
        @AssertTrue(message = "end must be after start")
        public boolean isOrdered() {
            return start == null || end == null || end.isAfter(start);
        }
    }

    static TeamDto of(TeamRecord t) {
        return new TeamDto(t.id(), t.name(), t.baseName(), t.baseAddress(), t.baseLatitude(), t.baseLongitude(),
                t.maxAppointmentsPerDay(), t.skills(),
                new BreakRuleDto(t.breakMinutesOver6h(), t.breakMinutesOver9h(), t.breakSpanStart(), t.breakSpanEnd()),
                t.shifts().stream().map(s -> new ShiftDto(s.date(), s.start(), s.end())).toList());
    }

    TeamRecord toRecord(Long withId) {
        BreakRuleDto rule = breakRule != null ? breakRule
                : new BreakRuleDto(30, 45, LocalTime.of(11, 30), LocalTime.of(14, 0));
        return new TeamRecord(withId, name, baseName, baseAddress, baseLatitude, baseLongitude, maxAppointmentsPerDay,
                rule.minutesOver6h(), rule.minutesOver9h(), rule.spanStart(), rule.spanEnd(), skills,
                shifts == null ? List.of() : shifts.stream().map(s -> new Shift(s.date(), s.start(), s.end())).toList());
    }
}
