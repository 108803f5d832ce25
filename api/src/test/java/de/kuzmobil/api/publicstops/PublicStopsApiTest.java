package de.kuzmobil.api.publicstops;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.TeamRepository;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Citizens see published stops only, searchable, paged, and as a calendar feed. */
@DirtiesContext
class PublicStopsApiTest extends ApiTest {

    static final LocalDate WEEK = LocalDate.of(2026, 12, 7);

    @Autowired
    PlanRepository plans;
    @Autowired
    SiteRepository sites;
    @Autowired
    TeamRepository teams;

    long published;

    @BeforeEach
    void publishAWeek() {
        if (plans.findPublished(WEEK).isPresent()) {
            return;
        }
        SiteRecord finkenwerder = sites.findByName("Finkenwerder").orElseThrow();
        SiteRecord volksdorf = sites.findByName("Volksdorf").orElseThrow();
        SiteRecord curslack = sites.findByName("Curslack (Haspa)").orElseThrow();
        long team = teams.findAll().get(0).id();
        PlanRecord plan = plans.create(WEEK, "SOLVING", "LEAST_DRIVING", 5, null);
        plans.saveSolution(plan.id(), "SOLVED", "0hard/0medium/-100soft", "estimated", "{}", List.of(
                visit("a", finkenwerder.id(), team, WEEK.plusDays(2), 0, LocalTime.of(8, 30), List.of("ID_CARD")),
                visit("b", volksdorf.id(), team, WEEK, 0, LocalTime.of(9, 30), List.of("ID_CARD", "REGISTRATION")),
                visit("c", curslack.id(), team, WEEK.plusDays(3), 0, LocalTime.of(10, 0), List.of("REGISTRATION"))),
                List.of());
        plans.publish(plan.id(), WEEK);
        // a newer draft of the same week must stay invisible
        PlanRecord draft = plans.create(WEEK, "SOLVING", "LEAST_DRIVING", 5, plan.id());
        plans.saveSolution(draft.id(), "SOLVED", "0hard/0medium/-90soft", "estimated", "{}", List.of(
                visit("d", finkenwerder.id(), team, WEEK.plusDays(1), 0, LocalTime.of(9, 0), List.of("PASSPORT"))),
                List.of());
        published = plan.id();
    }

    static PlanVisitRecord visit(String id, long site, long team, LocalDate date, int seq, LocalTime start,
                                 List<String> services) {
        return new PlanVisitRecord(id, site, team, date, seq, start.minusMinutes(20), start, start.plusHours(3), 6,
                services, 1200, 15000, false, null, null, false, List.of());
    }

    @Test
    void listsPublishedStopsByDateWithNothingInternal() {
        Response r = anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13");
        assertThat(r.status()).isEqualTo(200);
        JsonNode content = r.json().get("content");
        List<String> names = new ArrayList<>();
        content.forEach(s -> names.add(s.get("siteName").asString()));
        assertThat(names).containsExactly("Volksdorf", "Finkenwerder", "Curslack (Haspa)");
        JsonNode first = content.get(0);
        for (String field : List.of("siteName", "address", "district", "latitude", "longitude", "date", "start", "end",
                "services")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(r.body()).doesNotContain("teamId", "team", "visitId", "PASSPORT");
        assertThat(r.json().get("page").get("totalElements").asInt()).isEqualTo(3);
    }

    @Test
    void filtersByServiceDistrictAndDistanceAndPages() {
        JsonNode registration = anonymous().get(
                "/api/v1/public/stops?from=2026-12-07&to=2026-12-13&service=REGISTRATION").json().get("content");
        assertThat(registration.size()).isEqualTo(2);
        JsonNode bergedorf = anonymous().get(
                "/api/v1/public/stops?from=2026-12-07&to=2026-12-13&district=Bergedorf").json().get("content");
        assertThat(bergedorf.size()).isEqualTo(1);
        assertThat(bergedorf.get(0).get("siteName").asString()).isEqualTo("Curslack (Haspa)");
        // 53.527,9.87 is Finkenwerder: within 5 km only it; within 30 km Finkenwerder first, then by distance
        JsonNode near = anonymous().get(
                "/api/v1/public/stops?from=2026-12-07&to=2026-12-13&near=53.527,9.87&radiusKm=5").json()
                .get("content");
        assertThat(near.size()).isEqualTo(1);
        assertThat(near.get(0).get("distanceKm").asDouble()).isLessThan(1);
        JsonNode wide = anonymous().get(
                "/api/v1/public/stops?from=2026-12-07&to=2026-12-13&near=53.527,9.87&radiusKm=40").json()
                .get("content");
        assertThat(wide.get(0).get("siteName").asString()).isEqualTo("Finkenwerder");
        assertThat(wide.get(1).get("distanceKm").asDouble()).isLessThanOrEqualTo(wide.get(2).get("distanceKm").asDouble());
        JsonNode page = anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13&size=2&page=1").json();
        assertThat(page.get("content").size()).isEqualTo(1);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void badSearchesAreProblemsNamingTheParameter() {
        Response near = anonymous().get("/api/v1/public/stops?near=north");
        assertThat(near.status()).isEqualTo(400);
        assertThat(near.json().get("errors").get(0).get("field").asString()).isEqualTo("near");
        Response to = anonymous().get("/api/v1/public/stops?from=2026-12-13&to=2026-12-07");
        assertThat(to.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        Response date = anonymous().get("/api/v1/public/stops?from=tomorrow");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void calendarFeedParsesWithOneEventPerStopAndStableUids() throws Exception {
        Response r = anonymous().get("/api/v1/public/stops.ics?from=2026-12-07&to=2026-12-13");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(r.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        List<String> uids = new ArrayList<>();
        events.forEach(e -> uids.add(e.getUid().orElseThrow().getValue()));
        Response again = anonymous().get("/api/v1/public/stops.ics?from=2026-12-07&to=2026-12-13");
        List<VEvent> eventsAgain = new CalendarBuilder().build(new StringReader(again.body())).getComponents("VEVENT");
        List<String> uidsAgain = new ArrayList<>();
        eventsAgain.forEach(e -> uidsAgain.add(e.getUid().orElseThrow().getValue()));
        assertThat(uidsAgain).containsExactlyElementsOf(uids).doesNotHaveDuplicates();
        assertThat(r.body()).contains("DTSTART:20261209T073000Z"); // Finkenwerder 08:30 Berlin = 07:30 UTC
    }
}
