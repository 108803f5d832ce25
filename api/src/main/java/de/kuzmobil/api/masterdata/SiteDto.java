package de.kuzmobil.api.masterdata;

import de.kuzmobil.data.site.AccessLegRecord;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.planner.domain.SiteKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A site as the API shows and accepts it. */
public record SiteDto(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long id,
        @NotBlank @Size(max = 200) String name,
        @NotNull SiteKind kind,
        @NotBlank @Size(max = 100) String district,
        @Size(max = 300) String address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Min(0) @Max(240) Integer setupMinutes,
        @Size(max = 100) List<@NotNull @Valid WindowDto> weeklyWindows,
        @Size(max = 100) List<@NotNull @Valid MonthlyWindowDto> monthlyWindows,
        @Valid AccessLegDto accessLeg,
        @Schema(description = "PUBLIC: citizens see its stops and may book them (default); INTERNAL: visited for its"
                + " residents only (care homes, prisons, hospital wards)")
        @Pattern(regexp = "PUBLIC|INTERNAL") String visibility,
        @Size(max = 2000) String note) {

    static SiteDto of(SiteRecord s, AccessLegRecord accessLeg, boolean withNote) {
        return new SiteDto(s.id(), s.name(), SiteKind.valueOf(s.kind()), s.district(), s.address(), s.latitude(),
                s.longitude(), s.setupMinutes(), s.weeklyWindows().stream().map(WindowDto::of).toList(),
                s.monthlyWindows().stream().map(MonthlyWindowDto::of).toList(), AccessLegDto.of(accessLeg),
                s.visibility(), withNote ? s.note() : null);
    }

    AccessLegRecord accessLegRecord() {
        return accessLeg == null ? null : accessLeg.toRecord();
    }

    SiteRecord toRecord(Long withId) {
        return new SiteRecord(withId, name, kind.name(), district, address, latitude, longitude,
                setupMinutes == null ? 15 : setupMinutes,
                weeklyWindows == null ? List.of() : weeklyWindows.stream().map(WindowDto::toWindow).toList(),
                monthlyWindows == null ? List.of() : monthlyWindows.stream().map(MonthlyWindowDto::toWindow).toList(),
                "api", note, visibility == null ? SiteRecord.PUBLIC : visibility);
    }
}
