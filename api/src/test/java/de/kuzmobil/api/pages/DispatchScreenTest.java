package de.kuzmobil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.FixedClock;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The dispatchers' and team leads' screen in a real headless Chromium, against the real service with
 * the demo data: each scenario asserts what the user sees, and afterwards that the console shows no
 * errors (but the refusals a scenario provokes) and that nothing was loaded from another machine.
 */
@DirtiesContext
@Import(FixedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispatchScreenTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    static final String WEEK = "2026-12-07";
    static long planId;

    long teamId(String name) {
        for (JsonNode t : all(dispatcher(), "/api/v1/teams")) {
            if (t.get("name").asString().equals(name)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no team " + name);
    }

    String row(long team, String date) {
        return ".tl-row[data-team-id=\"" + team + "\"][data-date=\"" + date + "\"]";
    }

    JsonNode plan() {
        return dispatcher().get("/api/v1/plans/" + planId).json();
    }

    static String tourOf(JsonNode plan, String visitId) {
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("visitId").asString().equals(visitId)) {
                    return t.get("teamId").asLong() + "@" + t.get("date").asString();
                }
            }
        }
        return null;
    }

    void awaitMessage(String text) {
        browser.await(d -> browser.find("#messages").getText().contains(text), 20);
    }

    void awaitSolved() {
        browser.await(d -> browser.find("#progress").getAttribute("hidden") != null
                && browser.find("#plan-status").getText().equals("geplant"), 90);
    }

    void centre(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    @Test
    @Order(1)
    void signsInAndOpensTheWeek() {
        Browser b = browser();
        b.go("/dispatch/?week=" + WEEK);
        b.await(d -> d.getCurrentUrl().contains("/login"), 10);
        assertThat(b.find("h1").getText()).isEqualTo("kuz-mobil");
        b.find("#username").sendKeys("dispatcher");
        b.find("#password").sendKeys("wrong");
        b.find("#login-form button[type=submit]").click();
        b.await(d -> d.getCurrentUrl().endsWith("/login?error"), 10);
        b.awaitVisible("#login-error", 10);
        b.find("#username").clear();
        b.find("#username").sendKeys("dispatcher");
        b.find("#password").sendKeys("dispatcher-demo");
        b.find("#login-form button[type=submit]").click();
        b.await(d -> d.getCurrentUrl().contains("/dispatch/"), 10);
        b.go("/dispatch/?week=" + WEEK);
        b.await(d -> "true".equals(b.find("body").getAttribute("data-ready")), 20);
        assertThat(b.find("#who").getText()).isEqualTo("dispatcher (Disposition)");
        assertThat(b.find("#week-label").getText()).startsWith("KW 50");
        assertThat(b.find("#timeline").getText()).contains("noch keinen Plan");
    }

    @Test
    @Order(2)
    void plansTheDemoWeekWithTheProgressBarMovingThenShowsOneLayerPerTourAndOneRowPerTeamDay() {
        Browser b = browser();
        WebElement seconds = b.find("#plan-seconds");
        seconds.clear();
        seconds.sendKeys("12");
        new Select(b.find("#plan-objective")).selectByValue("LEAST_DRIVING");
        b.find("#plan-start").click();
        b.awaitVisible("#progress", 20);
        double first = b.await(d -> width(b) > 0 ? width(b) : null, 20);
        double later = b.await(d -> width(b) > first + 5 ? width(b) : null, 20);
        assertThat(later).as("the bar moves").isGreaterThan(first);
        assertThat(b.find("#progress-text").getText()).contains("Beste Bewertung", "s von 12 s");
        awaitSolved();
        planId = Long.parseLong(new Select(b.find("#plan-select")).getFirstSelectedOption().getAttribute("value"));

        JsonNode plan = plan();
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        int tours = plan.get("tours").size();
        assertThat(b.all("#map-legend label").stream().filter(l -> !l.getAttribute("data-layer").equals("unassigned")))
                .as("one map layer per tour").hasSize(tours);
        assertThat(b.all(".leaflet-overlay-pane path.leg").size()).as("legs on the map").isGreaterThan(tours);
        assertThat(b.all(".tl-row")).as("one timeline row per team-day").hasSize(plan.get("teamDays").size());
        int stops = 0;
        for (JsonNode t : plan.get("tours")) {
            stops += t.get("stops").size();
        }
        assertThat(b.all(".tl-visit")).hasSize(stops);
        assertThat(b.find("#kpi-planned").getText()).contains("Eingeplante Termine", "%");
        assertThat(b.find("#unassigned").getText()).contains("Neuwerk (Insel)", "Keine Straßenverbindung");
        b.js("window.scrollTo(0, 0);");
        b.screenshot("week");
    }

    /** Where the dragged visit came from, for the keyboard test to take it back. */
    static String draggedFrom;
    static String draggedVisit;

    @Test
    @Order(3)
    void dragsAVisitToAnotherTeamDayAndShowsTheBrokenRule() {
        Browser b = browser();
        long nord = teamId("Mobiles Team Nord (sample)");
        // a visit with ID cards or passports: team Nord has no biometric kit, so the move breaks a rule
        JsonNode plan = plan();
        String date = null;
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (draggedVisit == null && t.get("teamId").asLong() != nord
                        && (s.get("services").toString().contains("ID_CARD") || s.get("services").toString().contains("PASSPORT"))) {
                    draggedVisit = s.get("visitId").asString();
                    draggedFrom = t.get("teamId").asLong() + "@" + t.get("date").asString();
                    date = t.get("date").asString();
                }
            }
        }
        assertThat(draggedVisit).as("a visit with biometric work").isNotNull();
        String visitId = draggedVisit;
        WebElement source = b.find(".tl-visit[data-visit-id=\"" + visitId + "\"]");
        WebElement target = b.find(row(nord, date) + " .tl-track");
        centre(target);
        new Actions(b.driver).clickAndHold(source).moveByOffset(10, 0).moveToElement(target, 0, 0).release().perform();
        awaitMessage("verletzt aber Regeln");

        assertThat(tourOf(plan(), visitId)).as("stored").isEqualTo(nord + "@" + date);
        String nordRow = row(nord, date);
        WebElement moved = b.await(d -> b.all(nordRow + " .tl-visit").stream()
                .filter(v -> visitId.equals(v.getAttribute("data-visit-id"))).findFirst().orElse(null), 10);
        assertThat(moved.getAttribute("class")).contains("broken");
        assertThat(b.find("#broken-rules").getText()).contains("Team hat die nötige Ausstattung", "biometric");
        assertThat(b.find("#messages").getText()).contains("Team hat die nötige Ausstattung");
        moved.click(); // its details: the broken rule by name
        b.awaitVisible("#broken-rules", 10);
        b.js("window.scrollTo(0, document.getElementById('map').getBoundingClientRect().top + window.scrollY - 60);");
        b.screenshot("edit-broken-rule");
    }

    @Test
    @Order(4)
    void theKeyboardPathMovesAVisitToo() {
        Browser b = browser();
        WebElement broken = b.find(".tl-visit[data-visit-id=\"" + draggedVisit + "\"]");
        b.js("arguments[0].focus();", broken);
        broken.sendKeys(Keys.ENTER);
        b.awaitVisible("#move-form", 10);
        new Select(b.find("#move-team-day")).selectByValue(draggedFrom);
        new Select(b.find("#move-position")).selectByIndex(0);
        b.find("#move-submit").sendKeys(Keys.ENTER);
        awaitMessage("Verschoben zu");

        assertThat(tourOf(plan(), draggedVisit)).isEqualTo(draggedFrom);
        String[] from = draggedFrom.split("@");
        b.await(d -> b.all(row(Long.parseLong(from[0]), from[1]) + " .tl-visit").get(0)
                .getAttribute("data-visit-id").equals(draggedVisit), 10);
        assertThat(b.all(".tl-visit.broken")).as("the rule holds again").isEmpty();
    }

    @Test
    @Order(5)
    void aStaleEditSaysSoAndShowsTheFreshPlan() {
        Browser b = browser();
        JsonNode plan = plan();
        JsonNode tour = plan.get("tours").get(0);
        String pinnedBehindItsBack = tour.get("stops").get(0).get("visitId").asString();
        Response read = teamLead().get("/api/v1/plans/" + planId);
        Response edit = teamLead().send(HttpRequest.newBuilder(uri("/api/v1/plans/" + planId + "/visits/"
                        + pinnedBehindItsBack)).header("Content-Type", "application/json")
                .header("If-Match", read.header("ETag"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pinned\": true}")));
        assertThat(edit.status()).isEqualTo(200);

        WebElement other = b.all(".tl-visit").stream()
                .filter(v -> !v.getAttribute("data-visit-id").equals(pinnedBehindItsBack)).findFirst().orElseThrow();
        b.js("arguments[0].focus();", other);
        other.sendKeys(Keys.ENTER);
        b.awaitVisible("#move-form", 10);
        b.find("#move-submit").click();
        awaitMessage("Geändert von jemand anderem — neu geladen");
        expectedRefusals.add("status of 412");
        b.await(d -> b.all(".tl-visit.pinned").stream()
                .anyMatch(v -> v.getAttribute("data-visit-id").equals(pinnedBehindItsBack)), 10);
    }

    @Test
    @Order(6)
    void aPinnedVisitStaysWhereItIsWhenReoptimised() {
        Browser b = browser();
        WebElement visit = b.all(".tl-visit:not(.pinned)").get(0);
        String visitId = visit.getAttribute("data-visit-id");
        String where = visit.findElement(org.openqa.selenium.By.xpath("ancestor::div[contains(@class,'tl-row')]"))
                .getAttribute("data-team-id");
        centre(visit);
        visit.click();
        b.awaitVisible("#pin-toggle", 10).click();
        awaitMessage("Angeheftet");
        b.await(d -> b.all(".tl-visit.pinned").stream().anyMatch(v -> v.getAttribute("data-visit-id").equals(visitId)), 10);
        String tourBefore = tourOf(plan(), visitId);

        WebElement seconds = b.find("#plan-seconds");
        seconds.clear();
        seconds.sendKeys("4");
        b.find("#plan-reoptimize").click();
        b.awaitVisible("#progress", 20);
        awaitSolved();
        JsonNode after = plan();
        assertThat(tourOf(after, visitId)).as("the pin stayed").isEqualTo(tourBefore).startsWith(where + "@");
        b.await(d -> b.all(".tl-visit.pinned").stream().anyMatch(v -> v.getAttribute("data-visit-id").equals(visitId)), 10);
    }

    @Test
    @Order(7)
    void theAuditTabListsTheHandEdits() {
        Browser b = browser();
        b.find("[data-tab=audit]").click();
        WebElement table = b.awaitVisible("#audit-table", 10);
        int edits = all(dispatcher(), "/api/v1/plans/" + planId + "/audit").size();
        assertThat(edits).isGreaterThanOrEqualTo(4);
        assertThat(b.all("#audit-table tbody tr")).hasSize(edits);
        assertThat(table.getText()).contains("dispatcher", "teamlead", draggedVisit, "angeheftet");
        b.screenshot("audit");
        b.find("[data-tab=week]").click();
        b.awaitVisible("#timeline", 10);
    }

    @Test
    @Order(8)
    void publishesAfterAConfirmationThatNamesWhatCitizensWillSee() {
        Browser b = browser();
        b.find("#plan-publish").click();
        WebElement text = b.awaitVisible("#publish-text", 10);
        assertThat(text.getText()).contains("Stopps an", "Orten", "Kalender");
        b.awaitVisible("#publish-confirm", 10).click();
        awaitMessage("ist veröffentlicht");
        b.await(d -> b.find("#plan-status").getText().equals("veröffentlicht"), 10);
        assertThat(anonymous().get("/api/v1/public/stops?from=" + WEEK + "&to=2026-12-13").json()
                .get("page").get("totalElements").asInt()).isPositive();
        assertThat(b.find("#plan-publish").isDisplayed()).as("nothing left to publish").isFalse();

        // a citizen books at one of the published stops: the dispatcher sees who, at the visit
        JsonNode stop = anonymous().get("/api/v1/public/stops?from=" + WEEK + "&to=2026-12-13").json().get("content").get(0);
        String service = stop.get("services").get(0).asString();
        assertThat(anonymous().post("/api/v1/public/stops/" + stop.get("id").asLong() + "/bookings", "{\"service\": \""
                + service + "\", \"name\": \"Erika Mustermann\", \"phone\": \"040 123456\"}").status()).isEqualTo(201);
        String visitId = all(dispatcher(), "/api/v1/bookings?week=" + WEEK).get(0).get("visitId").asString();
        b.go("/dispatch/?week=" + WEEK + "&plan=" + planId);
        b.await(d -> "true".equals(b.find("body").getAttribute("data-ready")), 20);
        b.find(".tl-visit[data-visit-id='" + visitId + "']").click();
        assertThat(b.awaitVisible("#stop-bookings", 10).getText()).startsWith("1 von Bürgerinnen und Bürgern");
        assertThat(b.awaitVisible("#stop-booking-list", 10).getText()).contains("Erika Mustermann", "040 123456", service);
    }

    @Test
    @Order(9)
    void aTeamLeadSeesNoPublishControlAndIsRefusedWhenForcingIt() {
        Browser b = browser();
        b.signOut();
        b.signIn("teamlead", "teamlead-demo");
        b.go("/dispatch/?week=" + WEEK + "&plan=" + planId);
        b.await(d -> "true".equals(b.find("body").getAttribute("data-ready")), 20);
        assertThat(b.find("#who").getText()).isEqualTo("teamlead (Teamleitung)");
        assertThat(b.find("#plan-publish").isDisplayed()).isFalse();
        assertThat(b.find("#plan-form").isDisplayed()).as("no planning for team leads").isFalse();
        assertThat(b.all("[data-tab=master]").get(0).isDisplayed()).isFalse();
        Object status = b.jsAsync("const done = arguments[arguments.length - 1];"
                + "const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11);"
                + "fetch('/api/v1/plans/" + planId + "/publish', {method: 'POST', headers: {'X-XSRF-TOKEN': token,"
                + " 'X-Requested-With': 'fetch'}}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        expectedRefusals.add("status of 403");
    }

    @Test
    @Order(10)
    void aCsvUploadWithErrorsShowsEveryBadRowAndColumnAndImportsNothing() throws Exception {
        Browser b = browser();
        b.signOut();
        b.signIn("dispatcher", "dispatcher-demo");
        int before = all(dispatcher(), "/api/v1/demands").size();
        b.find("[data-tab=master]").click();
        b.awaitVisible("#csv-file", 10);
        Path csv = Files.createTempFile("demand", ".csv");
        Files.writeString(csv, """
                siteId,serviceType,appointments,earliestDate,latestDate,priority
                1,ID_CARD,4,2026-12-14,2026-12-18,3
                1,ID_CARD,many,2026-12-14,2026-12-18,3
                1,ID_CARD,2,14.12.2026,2026-12-18,9
                """);
        b.find("#csv-file").sendKeys(csv.toAbsolutePath().toString());
        b.find("#csv-form button[type=submit]").click();
        WebElement table = b.awaitVisible("#csv-errors", 20);
        assertThat(table.getText()).contains("Zeile", "Spalte", "appointments", "earliestDate", "priority");
        assertThat(b.all("#csv-errors tbody tr")).hasSize(3);
        assertThat(b.all("#csv-errors tbody tr").get(0).getText()).startsWith("3 appointments");
        assertThat(all(dispatcher(), "/api/v1/demands").size()).as("nothing imported").isEqualTo(before);
        expectedRefusals.add("status of 400");
        Files.delete(csv);
    }

    @Test
    @Order(11)
    void aSitesSimpleFieldsAreEditedInTheMasterData() {
        Browser b = browser();
        WebElement row = b.all("#site-table tbody tr").stream()
                .filter(r -> r.getText().startsWith("Volksdorf")).findFirst().orElseThrow();
        String id = row.getAttribute("data-site-id");
        row.findElement(org.openqa.selenium.By.cssSelector(".edit-site")).click();
        WebElement address = b.find("#site-table tr[data-site-id=\"" + id + "\"] input[name=address]");
        address.clear();
        address.sendKeys("Im Alten Dorfe 4, 22359 Hamburg (Bücherhalle)");
        b.find("#site-table tr[data-site-id=\"" + id + "\"] .edit-site").click();
        awaitMessage("gespeichert");
        JsonNode site = anonymous().get("/api/v1/sites/" + id).json();
        assertThat(site.get("address").asString()).isEqualTo("Im Alten Dorfe 4, 22359 Hamburg (Bücherhalle)");
        assertThat(site.get("weeklyWindows").size()).as("opening rules kept").isEqualTo(2);
        b.await(d -> b.find("#site-table").getText().contains("(Bücherhalle)"), 10);
        b.screenshot("master-data");
    }

    @Test
    @Order(12)
    void pageLoadOfTheDemoWeekIsMeasured() {
        Browser b = browser();
        b.go("/dispatch/?week=" + WEEK + "&plan=" + planId);
        b.await(d -> "true".equals(b.find("body").getAttribute("data-ready")), 20);
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) b.js("const n = performance.getEntriesByType('navigation')[0];"
                + "const shown = performance.getEntriesByName('week-shown')[0];"
                + "return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                + " weekShown: shown ? shown.startTime : -1, resources: performance.getEntriesByType('resource').length};");
        // a measurement for docs/benchmarks.md, not a timed assertion
        System.out.printf("PAGE_LOAD dispatch week plan=%d domContentLoaded_ms=%.0f load_ms=%.0f week_shown_ms=%.0f"
                + " resources=%s%n", planId, ((Number) t.get("domContentLoaded")).doubleValue(),
                ((Number) t.get("load")).doubleValue(), ((Number) t.get("weekShown")).doubleValue(), t.get("resources"));
        assertThat(((Number) t.get("weekShown")).doubleValue()).isPositive();
    }

    @Test
    @Order(13)
    void aTeamLeadReadsOtherTeamsToursAndMovesOnlyWithinTheirOwn() {
        JsonNode draft = awaitNotSolving(dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 3}").json().get("id").asLong());
        JsonNode own = draft.get("tours").get(0);
        JsonNode other = tourOfAnotherTeam(draft, own);
        assertThat(other).isNotNull();
        jdbc.sql("insert into app_user (username, password_hash, role) values ('lead-ost', ?, 'TEAM_LEAD')")
                .param(encoder.encode("ost-demo")).update();
        assertThat(dispatcher().put("/api/v1/team-leads/lead-ost/teams",
                "{\"teamIds\": [" + own.get("teamId").asLong() + "]}").status()).isEqualTo(200);
        Browser b = browser();
        b.signOut();
        b.signIn("lead-ost", "ost-demo");
        b.go("/dispatch/?week=" + WEEK + "&plan=" + draft.get("id").asLong());
        b.await(d -> "true".equals(b.find("body").getAttribute("data-ready")), 20);

        b.find(".tl-visit[data-visit-id='" + other.get("stops").get(0).get("visitId").asString() + "']").click();
        assertThat(b.awaitVisible("#not-your-team", 10).getText()).contains("nur lesen");
        assertThat(b.all("#move-form")).isEmpty();

        b.find(".tl-visit[data-visit-id='" + own.get("stops").get(0).get("visitId").asString() + "']").click();
        b.awaitVisible("#move-form", 10);
        List<String> targets = new Select(b.find("#move-team-day")).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(targets).isNotEmpty().allMatch(v -> v.startsWith(own.get("teamId").asLong() + "@"));
        b.screenshot("team-lead-scope");
    }

    static double width(Browser b) {
        String style = b.find("#progress-bar").getAttribute("style");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("width:\\s*([0-9.]+)%").matcher(style == null ? "" : style);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
