package de.kuzmobil.api.publicstops;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import biweekly.io.ParseWarning;
import biweekly.io.text.ICalReader;
import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.FixedClock;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Citizens see published stops of public sites only, searchable with filters that say what is wrong,
 * and as a calendar two independent parsers accept. The demo week is planned and published for real.
 */
@DirtiesContext
@Import(FixedClock.class)
class PublicStopsApiTest extends ApiTest {

    static final String WEEK = "2026-12-07";
    static final String RANGE = "from=2026-12-07&to=2026-12-13";
    static final Set<String> INTERNAL = Set.of("JVA Fuhlsbüttel", "UKE Eppendorf", "Asklepios Klinik St. Georg",
            "Pflegeheim Kirchwerder (sample)", "Pflegeheim Rissen (sample)", "Pflegeheim Duvenstedt (sample)",
            "Seniorenzentrum Jenfeld (sample)");

    static JsonNode published;

    @BeforeEach
    void publishTheDemoWeek() {
        if (published == null) {
            published = planAndPublish(WEEK, 5);
        }
    }

    JsonNode stops(String query) {
        Response r = anonymous().get("/api/v1/public/stops?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("content");
    }

    static List<String> names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.forEach(s -> names.add(s.get("siteName").asString()));
        return names;
    }

    /** Planned sites of the published plan, internal ones included. */
    static Set<String> plannedSites() {
        Set<String> sites = new HashSet<>();
        published.get("tours").forEach(t -> t.get("stops").forEach(s -> sites.add(s.get("siteName").asString())));
        return sites;
    }

    @Test
    void internalSitesAppearInNoChannel() {
        assertThat(plannedSites()).as("the plan visits internal sites").containsAnyElementsOf(INTERNAL);
        JsonNode all = stops(RANGE + "&size=200");
        assertThat(names(all)).isNotEmpty().doesNotContainAnyElementsOf(INTERNAL);
        String ics = anonymous().get("/api/v1/public/stops.ics?" + RANGE).body();
        INTERNAL.forEach(name -> assertThat(ics).doesNotContain(name));
        for (JsonNode s : all) {
            assertThat(s.get("id").asLong()).isPositive();
            assertThat(s.get("freeSlots").size()).isPositive();
            assertThat(s.get("bookable").asBoolean()).isTrue();
            assertThat(s.get("start").asString()).matches("\\d\\d:\\d\\d(:00)?");
        }
        assertThat(anonymous().get("/api/v1/public/stops?" + RANGE).body()).doesNotContain("teamId", "visitId");

        // a site made internal after publishing vanishes at once, and its stop cannot be booked
        JsonNode first = all.get(0);
        long siteId = siteIdOf(first.get("siteName").asString());
        ObjectNode site = (ObjectNode) dispatcher().get("/api/v1/sites/" + siteId).json();
        site.remove("id");
        site.put("visibility", "INTERNAL");
        assertThat(dispatcher().put("/api/v1/sites/" + siteId, site.toString()).status()).isEqualTo(200);
        // the cache answers the old list for at most a few seconds
        awaitGone(first.get("siteName").asString());
        assertThat(anonymous().post("/api/v1/public/stops/" + first.get("id").asLong() + "/bookings",
                "{\"service\": \"ID_CARD\", \"name\": \"A\", \"email\": \"a@example.org\"}").status()).isEqualTo(404);
        site.put("visibility", "PUBLIC");
        dispatcher().put("/api/v1/sites/" + siteId, site.toString());
    }

    private void awaitGone(String name) {
        for (int i = 0; i < 40 && names(stops(RANGE + "&size=200")).contains(name); i++) {
            sleep(250);
        }
        assertThat(names(stops(RANGE + "&size=200"))).doesNotContain(name);
        assertThat(anonymous().get("/api/v1/public/stops.ics?" + RANGE).body()).doesNotContain(name);
    }

    @Test
    void filtersMatchCodesAndGermanNamesAnyCaseAndSayWhatIsWrong() {
        JsonNode all = stops(RANGE + "&size=200");
        long withPassports = count(all, "PASSPORT");
        assertThat(withPassports).isPositive();
        assertThat(stops(RANGE + "&size=200&service=passport")).hasSize((int) withPassports);
        assertThat(stops(RANGE + "&size=200&service=Reisepass%20beantragen")).hasSize((int) withPassports);
        long idOrPassport = countAny(all, "PASSPORT", "ID_CARD");
        assertThat(stops(RANGE + "&size=200&service=PASSPORT&service=id_card")).hasSize((int) idOrPassport);
        assertThat(names(stops(RANGE + "&size=200&district=wandsbek")))
                .allMatch(n -> List.of("Bramfeld", "Volksdorf").contains(n));
        int harburgOrMitte = stops(RANGE + "&size=200&district=HARBURG").size()
                + stops(RANGE + "&size=200&district=hamburg-mitte").size();
        assertThat(stops(RANGE + "&size=200&district=Harburg&district=Hamburg-Mitte")).hasSize(harburgOrMitte);

        Response unknownService = anonymous().get("/api/v1/public/stops?service=driving-licence");
        assertThat(unknownService.status()).isEqualTo(400);
        JsonNode error = unknownService.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("service");
        assertThat(error.get("message").asString()).contains("driving-licence", "PASSPORT (Reisepass beantragen)");
        Response unknownDistrict = anonymous().get("/api/v1/public/stops?district=Pinneberg");
        assertThat(unknownDistrict.json().get("errors").get(0).get("message").asString())
                .contains("Pinneberg", "Wandsbek", "Bergedorf");
        Response radius = anonymous().get("/api/v1/public/stops?radiusKm=3");
        assertThat(radius.status()).isEqualTo(400);
        assertThat(radius.json().get("errors").get(0).get("field").asString()).isEqualTo("radiusKm");
        Response plz = anonymous().get("/api/v1/public/stops?near=10115");
        assertThat(plz.json().get("errors").get(0).get("message").asString()).contains("not a Hamburg postcode");
        for (String feed : new String[] {"/api/v1/public/stops", "/api/v1/public/stops.ics"}) {
            Response date = anonymous().get(feed + "?from=morgen&radiusKm=zwei");
            assertThat(date.status()).isEqualTo(400);
            assertThat(date.header("Content-Type")).startsWith("application/problem+json");
            assertThat(date.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "radiusKm");
            assertThat(date.body()).doesNotContain("java.");
        }
    }

    @Test
    void aPostcodeStandsForNearAndSortsByDistance() {
        JsonNode near = stops(RANGE + "&size=200&near=22179&radiusKm=4");
        assertThat(names(near)).first().isEqualTo("Bramfeld");
        assertThat(near.get(0).get("distanceKm").asDouble()).isLessThan(2);
        JsonNode wide = stops(RANGE + "&size=200&near=22179&radiusKm=40");
        for (int i = 1; i < wide.size(); i++) {
            assertThat(wide.get(i).get("distanceKm").asDouble())
                    .isGreaterThanOrEqualTo(wide.get(i - 1).get("distanceKm").asDouble());
        }
    }

    @Test
    void theCalendarPassesTwoParsersWithOneDtstampBerlinTimesAndGermanText() throws Exception {
        Response r = anonymous().get("/api/v1/public/stops.ics?" + RANGE);
        assertThat(r.header("Content-Type")).startsWith("text/calendar");
        String ics = r.body();
        int stopCount = stops(RANGE + "&size=200").size();

        // 1. ical4j, with its validator
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(stopCount);
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);

        // 2. biweekly, strict: no parse warnings, no validation warnings
        try (ICalReader reader = new ICalReader(ics)) {
            ICalendar parsed = reader.readNext();
            List<ParseWarning> warnings = reader.getWarnings();
            assertThat(warnings).as("parse warnings").isEmpty();
            ValidationWarnings validation = parsed.validate(ICalVersion.V2_0);
            assertThat(validation.isEmpty()).as(validation.toString()).isTrue();
            assertThat(parsed.getEvents()).hasSize(stopCount);
        }
        assertThat(Biweekly.parse(ics).all()).hasSize(1);

        // 3. the properties themselves, line by line (unfolded)
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        for (String event : unfolded.split("BEGIN:VEVENT").length > 1
                ? unfolded.substring(unfolded.indexOf("BEGIN:VEVENT")).split("END:VEVENT") : new String[0]) {
            if (!event.contains("UID:")) {
                continue;
            }
            assertThat(occurrences(event, "\r\nDTSTAMP:")).as("one DTSTAMP").isEqualTo(1);
            assertThat(occurrences(event, "\r\nUID:")).isEqualTo(1);
            assertThat(event).containsPattern("\r\nDTSTART;TZID=Europe/Berlin:202612\\d\\dT\\d\\d\\d\\d00\r\n")
                    .containsPattern("\r\nDTEND;TZID=Europe/Berlin:202612\\d\\dT\\d\\d\\d\\d00\r\n")
                    .containsPattern("\r\nSEQUENCE:\\d+\r\n").contains("\r\nLAST-MODIFIED:", "\r\nLOCATION:",
                            "\r\nGEO:", "\r\nSUMMARY:Hamburg Service vor Ort mobil: ", "STATUS:CONFIRMED");
            assertThat(event).contains("Dienstleistungen: ").doesNotContain("ID_CARD", "REGISTRATION");
        }
        assertThat(ics).contains("TZID:Europe/Berlin", "Personalausweis beantragen");
        assertThat(ics.lines().filter(l -> !l.isEmpty()).allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length <= 75)).as("lines folded at 75 octets").isTrue();

        // one stop alone, with the same UID as in the feed
        JsonNode stop = stops(RANGE).get(0);
        String single = anonymous().get(stop.get("calendarUrl").asString()).body();
        assertThat(new CalendarBuilder().build(new StringReader(single)).getComponents("VEVENT")).hasSize(1);
        assertThat(single).contains("UID:stop-" + stop.get("id").asLong() + "@kuz-mobil");
        assertThat(ics).contains("UID:stop-" + stop.get("id").asLong() + "@kuz-mobil");
    }

    @Test
    void unchangedAnswersAre304WithTheirEtag() {
        Response first = anonymous().get("/api/v1/public/stops?" + RANGE);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        // the same bytes for everyone: no cookie that would keep shared caches from storing them
        assertThat(first.header("Set-Cookie")).isNull();
        Response again = anonymous().send(HttpRequest.newBuilder(uri("/api/v1/public/stops?" + RANGE))
                .header("If-None-Match", etag).GET());
        assertThat(again.status()).isEqualTo(304);
        Response ics = anonymous().get("/api/v1/public/stops.ics?" + RANGE);
        assertThat(anonymous().send(HttpRequest.newBuilder(uri("/api/v1/public/stops.ics?" + RANGE))
                .header("If-None-Match", ics.header("ETag")).GET()).status()).isEqualTo(304);
    }

    static long count(JsonNode stops, String service) {
        return countAny(stops, service);
    }

    static long countAny(JsonNode stops, String... services) {
        long n = 0;
        for (JsonNode s : stops) {
            for (String service : services) {
                if (s.get("services").toString().contains("\"" + service + "\"")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    long siteIdOf(String name) {
        for (JsonNode s : all(anonymous(), "/api/v1/sites")) {
            if (s.get("name").asString().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no site " + name);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
