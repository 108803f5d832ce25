package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanTourRecord;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.explain.PlanView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The planner's read model turned into rows to store. */
public final class PlanRecords {

    /** Visits and tours of one plan. */
    public record Rows(List<PlanVisitRecord> visits, List<PlanTourRecord> tours) {
    }

    private PlanRecords() {
    }

    /** @param pins pinned visits by id (pinned flags and times survive a re-solve or an edit) */
    public static Rows of(PlanView view, Map<String, Pin> pins) {
        List<PlanVisitRecord> visits = new ArrayList<>();
        List<PlanTourRecord> tours = new ArrayList<>();
        for (PlanView.Tour tour : view.tours()) {
            long teamId = Long.parseLong(tour.teamId());
            for (int i = 0; i < tour.stops().size(); i++) {
                PlanView.Stop s = tour.stops().get(i);
                Pin pin = pins.get(s.visitId());
                visits.add(new PlanVisitRecord(s.visitId(), Long.parseLong(s.siteId()), teamId, tour.date(), i,
                        s.arrival(), s.start(), s.end(), s.appointments(), serviceCodes(s.services()),
                        (int) s.travelSecondsFromPrevious(), (int) s.travelMetersFromPrevious(), pin != null,
                        pin == null ? null : pin.start(), null, s.manualLeg(), shares(s.services())));
            }
            boolean hasBreak = tour.breakStart() != null && tour.breakEnd() != null
                    && tour.breakEnd().isAfter(tour.breakStart());
            tours.add(new PlanTourRecord(teamId, tour.date(), tour.departure(), tour.returnToBase(),
                    tour.returnLegManual(), hasBreak ? tour.breakStart() : null, hasBreak ? tour.breakEnd() : null));
        }
        for (PlanView.Unassigned u : view.unassigned()) {
            visits.add(new PlanVisitRecord(u.visitId(), Long.parseLong(u.siteId()), null, null, null, null, null, null,
                    u.appointments(), serviceCodes(u.services()), null, null, false, null, u.reason(), false,
                    shares(u.services())));
        }
        return new Rows(visits, tours);
    }

    private static List<String> serviceCodes(List<PlanView.ServiceCount> services) {
        return List.copyOf(new LinkedHashSet<>(services.stream().map(PlanView.ServiceCount::serviceTypeId).toList()));
    }

    private static List<PlanVisitRecord.DemandShare> shares(List<PlanView.ServiceCount> services) {
        return services.stream()
                .map(s -> new PlanVisitRecord.DemandShare(Long.parseLong(s.demandId()), s.appointments())).toList();
    }
}
