package de.kuzmobil.planner.demand;

import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Visit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitBuilderTest {

    private static final LocalDate FRIDAY = MONDAY.plusDays(4);
    private final VisitBuilder builder = new VisitBuilder(270);

    private VisitBuilder.Result build(Demand... demand) {
        return builder.build(List.of(demand), Map.of(CARE_HOME.id(), CARE_HOME),
                Map.of(ID_CARD.id(), ID_CARD, REGISTRATION.id(), REGISTRATION));
    }

    @Test
    void demandOfOneSiteBundledIntoOneVisit() {
        // 15 set-up + 6 × 15 + 5 × 8 = 145 min, dates: intersection Tue-Thu.
        VisitBuilder.Result result = build(
                new Demand("a", CARE_HOME.id(), ID_CARD.id(), 6, MONDAY, MONDAY.plusDays(3), 1),
                new Demand("b", CARE_HOME.id(), REGISTRATION.id(), 5, MONDAY.plusDays(1), FRIDAY, 2));

        assertThat(result.visits()).hasSize(1);
        Visit visit = result.visits().get(0);
        assertThat(visit.getId()).isEqualTo("care_1");
        assertThat(visit.getDurationMinutes()).isEqualTo(145);
        assertThat(visit.getAppointments()).isEqualTo(11);
        assertThat(visit.getPriority()).isEqualTo(2);
        assertThat(visit.getUnassignedWeight()).isEqualTo(6 + 5 * 2);
        assertThat(visit.getEarliest()).isEqualTo(MONDAY.plusDays(1));
        assertThat(visit.getLatest()).isEqualTo(MONDAY.plusDays(3));
        assertThat(visit.getShares()).extracting(DemandShare::demandId).containsExactly("a", "b");
    }

    @Test
    void disjointDateRangesBecomeSeparateVisits() {
        VisitBuilder.Result result = build(
                new Demand("a", CARE_HOME.id(), ID_CARD.id(), 4, MONDAY, MONDAY, 1),
                new Demand("b", CARE_HOME.id(), ID_CARD.id(), 4, FRIDAY, FRIDAY, 1));

        assertThat(result.visits()).extracting(Visit::getId).containsExactly("care_1", "care_2");
    }

    @Test
    void demandLongerThanMaximumSplitIntoEvenVisitsKeepingTheirDemand() {
        // 40 × 15 = 600 min of service; 270 - 15 set-up = 255 per visit → 3 visits of 200 min
        // (13 + 14 + 13 appointments: each goes where its midpoint falls), each 15 + service minutes long.
        VisitBuilder.Result result = build(new Demand("big", CARE_HOME.id(), ID_CARD.id(), 40, MONDAY, FRIDAY, 1));

        assertThat(result.visits()).extracting(Visit::getId).containsExactly("care_1.1", "care_1.2", "care_1.3");
        assertThat(result.visits()).extracting(Visit::getAppointments).containsExactly(13, 14, 13);
        assertThat(result.visits()).allSatisfy(v -> {
            assertThat(v.getDurationMinutes()).isLessThanOrEqualTo(270);
            assertThat(v.getShares()).extracting(DemandShare::demandId).containsExactly("big");
        });
    }

    @Test
    void zeroMinuteCasesCountAppointmentsButLastOnlyTheSetUp() {
        ServiceType handOver = new ServiceType("hand-over", "Hand-over", 0, "id-documents");
        VisitBuilder.Result result = new VisitBuilder(270).build(
                List.of(new Demand("h", CARE_HOME.id(), handOver.id(), 400, MONDAY, FRIDAY, 1)),
                Map.of(CARE_HOME.id(), CARE_HOME), Map.of(handOver.id(), handOver));

        assertThat(result.visits()).hasSize(1);
        Visit visit = result.visits().get(0);
        assertThat(visit.getAppointments()).isEqualTo(400);
        assertThat(visit.getDurationMinutes()).isEqualTo(CARE_HOME.setUpMinutes());
        assertThatThrownBy(() -> new ServiceType("neg", "Negative", -1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownSiteRejectedWithReason() {
        VisitBuilder.Result result = build(new Demand("x", "nowhere", ID_CARD.id(), 4, MONDAY, FRIDAY, 1));

        assertThat(result.visits()).isEmpty();
        assertThat(result.rejected()).containsEntry("demand:x", "unknown site nowhere");
    }
}
