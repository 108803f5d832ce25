package de.kuzmobil.data.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A week's plan (see {@link PlanStatus}). {@code version}
 * grows with every change and is the plan's ETag.
 */
public record PlanRecord(long id, LocalDate weekStart, PlanStatus status, int version, String score,
                         String travelTimes, String objective, Integer solveSeconds, String kpisJson, String failure,
                         Long basedOnPlan, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         OffsetDateTime publishedAt) {
}
