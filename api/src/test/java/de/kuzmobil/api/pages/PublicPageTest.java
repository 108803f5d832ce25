package de.kuzmobil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.FixedClock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The citizens' page at / in a real headless Chromium, with the demo week published: a citizen finds
 * stops near a postcode, books a slot, gets the code, cancels with it and sees the slot free again.
 */
@DirtiesContext
@Import(FixedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPageTest extends BrowserTest {

    static boolean published;

    @BeforeEach
    void publishTheDemoWeek() {
        if (!published) {
            planAndPublish("2026-12-07", 5);
            published = true;
        }
        browser();
    }

    @AfterAll
    static void publishAgainWithTheNextContext() {
        published = false;
    }

    void openPage(String query) {
        browser.go("/" + query);
        browser.await(d -> "true".equals(browser.js("return document.body.dataset.ready || null")), 15);
    }

    Set<String> internalSiteNames() {
        return StreamSupport.stream(all(dispatcher(), "/api/v1/sites").spliterator(), false)
                .filter(s -> s.get("visibility").asString().equals("INTERNAL"))
                .map(s -> s.get("name").asString()).collect(Collectors.toSet());
    }

    int freeOnCard(long stop, String serviceName) {
        String text = browser.find("#stop-" + stop + " .free").getText();
        for (String part : text.split("frei")) {
            String p = part.trim();
            if (p.startsWith(serviceName + ":")) {
                return Integer.parseInt(p.substring(serviceName.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + serviceName + " on card " + stop + ": " + text);
    }

    @Test
    @Order(1)
    void aPostcodeFindsTheNearestPublicStopsFirstAndNoInternalSite() {
        openPage("");
        int all = browser.all(".stop-card").size();
        assertThat(all).isPositive();

        browser.find("#f-plz").sendKeys("22179");
        new Select(browser.find("#f-radius")).selectByValue("5");
        browser.find("#f-search").click();
        browser.await(d -> browser.find("#f-near-info").getText().contains("5 km"), 10);
        browser.await(d -> browser.all(".stop-card").size() < all, 10);

        List<WebElement> cards = browser.all(".stop-card");
        assertThat(cards).isNotEmpty();
        List<Double> distances = cards.stream()
                .map(c -> Double.parseDouble(c.findElement(org.openqa.selenium.By.cssSelector(".badge")).getText()
                        .replace(" km", "").replace(',', '.')))
                .toList();
        assertThat(distances).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(5.0)).isSorted();
        assertThat(browser.find("#result-count").getText()).contains(String.valueOf(cards.size()));
        // each card shows what a citizen needs to decide
        WebElement first = cards.get(0);
        assertThat(first.getText()).containsPattern("\\d{2}:\\d{2}–\\d{2}:\\d{2} Uhr").contains("frei");
        assertThat(first.findElement(org.openqa.selenium.By.linkText("In den Kalender")).getAttribute("href"))
                .matches(".*/api/v1/public/stops/\\d+\\.ics");
        // one marker per place, named on the map because the tests run without tiles
        Set<String> places = cards.stream().map(c -> c.findElement(org.openqa.selenium.By.cssSelector("h2")).getText()
                .replaceAll("\\s+[\\d,]+ km$", "")).collect(Collectors.toSet());
        assertThat(browser.all(".leaflet-marker-icon")).hasSize(places.size());
        assertThat(browser.all(".leaflet-tooltip").stream().map(WebElement::getText).collect(Collectors.toSet()))
                .isEqualTo(places);
        assertThat(browser.find("#subscribe").getAttribute("href")).startsWith("webcal://");
        browser.screenshot("public-near-22179");

        // the whole list without a filter still names no internal site
        openPage("");
        Set<String> internal = internalSiteNames();
        assertThat(internal).isNotEmpty();
        List<String> shown = browser.all(".stop-card h2").stream().map(WebElement::getText).toList();
        assertThat(shown).noneMatch(name -> internal.stream().anyMatch(name::startsWith));
    }

    @Test
    @Order(2)
    void aCitizenBooksSeesTheCodeCancelsAndTheSlotIsFreeAgain() {
        openPage("?plz=22179"); // a link with the postcode searches at once
        assertThat(browser.find("#f-near-info").getText()).contains("5 km");
        WebElement button = browser.await(d -> browser.all("[data-book]").stream().findFirst().orElse(null), 10);
        long stop = Long.parseLong(button.getAttribute("data-book"));
        button.click();
        browser.awaitVisible("#book-modal", 10);
        String service = new Select(browser.find("#b-service")).getFirstSelectedOption().getText();
        int before = freeOnCard(stop, service);
        browser.await(d -> browser.all("#b-slot option").size() > 0, 10);

        // no contact at all: a German message naming the field, nothing booked
        expectedRefusals.add("bookings - Failed to load resource");
        browser.find("#b-name").sendKeys("Erika Mustermann");
        browser.find("#b-submit").click();
        WebElement error = browser.awaitVisible("#book-errors .alert-danger", 10);
        assertThat(error.getText()).contains("Kontakt");
        assertThat(freeOnCard(stop, service)).isEqualTo(before);

        browser.find("#b-email").sendKeys("erika@example.org");
        browser.find("#b-submit").click();
        String code = browser.awaitVisible("#booking-code", 10).getText();
        assertThat(code).hasSizeGreaterThanOrEqualTo(16);
        assertThat(browser.find("#book-done").getText()).contains("Gebucht").contains(service);
        browser.await(d -> freeOnCard(stop, service) == before - 1, 10);

        browser.find("#book-modal .modal-footer .btn-secondary").click();
        browser.await(d -> !browser.find("#book-modal").isDisplayed(), 10);
        browser.find("#manage-code").sendKeys(code);
        browser.find("#manage-form button[type=submit]").click();
        assertThat(browser.awaitVisible("#manage-booking", 10).getText()).contains(service);
        browser.find("#manage-cancel").click();
        assertThat(browser.awaitVisible("#manage-cancelled", 10).getText()).contains("wieder frei");
        browser.await(d -> freeOnCard(stop, service) == before, 10);

        // the code now shows a cancelled booking, and the API agrees the slot is free
        JsonNode after = anonymous().get("/api/v1/public/stops/" + stop).json();
        assertThat(StreamSupport.stream(after.get("freeSlots").spliterator(), false).mapToInt(JsonNode::asInt).sum())
                .isPositive();
        browser.find("#manage-form button[type=submit]").click();
        browser.await(d -> browser.find("#manage-result").getText().contains("abgesagt"), 10);
    }

    @Test
    @Order(3)
    void anUnknownPostcodeIsExplainedInGerman() {
        expectedRefusals.add("stops?");
        openPage("");
        browser.find("#f-plz").sendKeys("99999");
        browser.find("#f-search").click();
        WebElement warning = browser.awaitVisible("#messages .alert-warning", 10);
        assertThat(warning.getText()).contains("99999").contains("Postleitzahl");
        assertThat(browser.find("#stops").getText()).contains("Keine Stopps");
    }

    @Test
    @Order(4)
    void onAPhoneNothingIsWiderThanTheScreen() {
        Dimension desktop = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            openPage("?plz=22179");
            browser.await(d -> !browser.all(".stop-card").isEmpty(), 10);
            Number overflow = (Number) browser.js(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            WebElement book = browser.all("[data-book]").get(0);
            assertThat(book.isDisplayed()).isTrue();
            assertThat(book.getSize().getHeight()).isGreaterThanOrEqualTo(28); // big enough to tap
            browser.screenshotAsIs("public-phone");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }
}
