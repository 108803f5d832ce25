package de.kuzmobil.data.publicstop;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A week with a public part-time centre and an internal care home, a team, demand for ID cards
 * (15 min) and registrations (7 min), and plans that put visits there.
 */
final class PublishedWeek {

    static final LocalDate WEEK = LocalDate.of(2026, 12, 7);

    final PlanRepository plans;
    final long bramfeld;
    final long careHome;
    final long team;
    final long idCards;
    final long registrations;
    final long careIdCards;

    PublishedWeek(TestSchema db) {
        plans = new PlanRepository(db.jdbc());
        ServiceTypeRepository types = new ServiceTypeRepository(db.jdbc());
        types.save(new ServiceTypeRecord("ID_CARD", "Personalausweis beantragen", 15, "biometric"));
        types.save(new ServiceTypeRecord("REGISTRATION", "Wohnung ummelden", 7, "registration"));
        SiteRepository sites = new SiteRepository(db.jdbc());
        bramfeld = sites.save(new SiteRecord(null, "Bramfeld", "PART_TIME_CENTRE", "Wandsbek", "Herthastraße 20",
                53.6, 10.07, 15, List.of(), List.of(), "test", null)).id();
        careHome = sites.save(new SiteRecord(null, "Pflegeheim", "CARE_HOME", "Wandsbek", null, 53.62, 10.1, 20,
                List.of(), List.of(), "test", null, SiteRecord.INTERNAL)).id();
        team = new TeamRepository(db.jdbc()).save(new TeamRecord(null, "Mobiles Team Ost", "Wandsbek", null, 53.57,
                10.07, 40, 30, 45, LocalTime.of(11, 30), LocalTime.of(14, 0), Set.of("biometric", "registration"),
                List.of())).id();
        DemandRepository demand = new DemandRepository(db.jdbc());
        idCards = demand.save(new DemandRecord(null, bramfeld, "ID_CARD", 3, WEEK, WEEK.plusDays(4), 3, null)).id();
        registrations = demand.save(new DemandRecord(null, bramfeld, "REGISTRATION", 2, WEEK, WEEK.plusDays(4), 3,
                null)).id();
        careIdCards = demand.save(new DemandRecord(null, careHome, "ID_CARD", 4, WEEK, WEEK.plusDays(4), 3, null)).id();
    }

    /** A solved plan: Bramfeld (3 ID cards, 2 registrations) at {@code start} on {@code day}, the care home too. */
    PlanRecord solved(int day, LocalTime start, Long basedOn) {
        PlanRecord plan = plans.create(WEEK, PlanStatus.SOLVING, "LEAST_DRIVING", 5, basedOn);
        LocalDate date = WEEK.plusDays(day);
        plans.saveSolution(plan.id(), PlanStatus.SOLVED, "0hard/0medium/0soft", "road", "{}", List.of(
                new PlanVisitRecord("b_1", bramfeld, team, date, 0, start.minusMinutes(20), start,
                        start.plusMinutes(15 + 3 * 15 + 2 * 7), 5, List.of("ID_CARD", "REGISTRATION"), 1200, 9000,
                        false, null, null, false, List.of(new PlanVisitRecord.DemandShare(idCards, 3),
                        new PlanVisitRecord.DemandShare(registrations, 2))),
                new PlanVisitRecord("c_1", careHome, team, date, 1, LocalTime.of(13, 0), LocalTime.of(13, 0),
                        LocalTime.of(14, 20), 4, List.of("ID_CARD"), 600, 4000, false, null, null, false,
                        List.of(new PlanVisitRecord.DemandShare(careIdCards, 4)))), List.of());
        return plans.find(plan.id()).orElseThrow();
    }
}
