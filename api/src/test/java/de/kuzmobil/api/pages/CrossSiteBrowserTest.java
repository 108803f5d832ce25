package de.kuzmobil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.kuzmobil.api.ApiTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Pages on another site (a server of their own on 127.0.0.1, another origin than localhost) that make a
 * real Chromium post to publish and to the CSV import (a text/plain form that forms a valid CSV): with
 * the dispatcher signed in, and with Basic credentials the browser cached. Nothing is published or
 * imported.
 */
@DirtiesContext
class CrossSiteBrowserTest extends ApiTest {

    HttpServer evil;
    long planId;

    @BeforeEach
    void evilSite() throws IOException {
        Response created = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"2026-12-07\", \"solveSeconds\": 2}");
        planId = created.json().get("id").asLong();
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String app = "http://localhost:" + port;
        page("/publish.html", "<form method=\"post\" action=\"" + app + "/api/v1/plans/" + planId + "/publish\">"
                + "<input name=\"x\" value=\"1\"></form>");
        page("/import.html", "<form method=\"post\" enctype=\"text/plain\" action=\"" + app + "/api/v1/demands/import\">"
                + "<input name=\"siteId,serviceType,appointments,earliestDate,latestDate,priority,note&#10;"
                + "1,ID_CARD,4,2026-12-14,2026-12-18,3,x\" value=\"y\"></form>");
        evil.start();
    }

    private void page(String path, String form) {
        byte[] html = ("<!doctype html><html><body>" + form + "<script>document.forms[0].submit()</script>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        evil.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
    }

    @AfterEach
    void stopEvil() {
        evil.stop(0);
    }

    String evilUrl(String path) {
        return "http://127.0.0.1:" + evil.getAddress().getPort() + path;
    }

    JsonNode solvedPlan() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            JsonNode plan = dispatcher().get("/api/v1/plans/" + planId).json();
            if (!plan.get("status").asString().equals("SOLVING")) {
                return plan;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("still solving");
    }

    /** Opens the attacking page and waits until the browser has posted and shows the service's answer. */
    String attack(Browser b, String path) {
        b.driver.get(evilUrl(path));
        b.await(d -> d.getCurrentUrl().startsWith(b.base), 15);
        return b.driver.getPageSource();
    }

    @Test
    void neitherTheSessionNorCachedBasicCredentialsLetAnotherSitePublishOrImport() throws Exception {
        assertThat(solvedPlan().get("status").asString()).isEqualTo("SOLVED");
        int demand = all(dispatcher(), "/api/v1/demands").size();

        try (Browser signedIn = Browser.open(port)) {
            signedIn.signIn("dispatcher", "dispatcher-demo");
            attack(signedIn, "/publish.html");
            attack(signedIn, "/import.html");
            assertThat(dispatcher().get("/api/v1/plans/" + planId).json().get("status").asString())
                    .as("not published through the session").isEqualTo("SOLVED");
            assertThat(all(dispatcher(), "/api/v1/demands").size()).as("nothing imported").isEqualTo(demand);
        }

        try (Browser basic = Browser.open(port)) {
            // the browser learns the credentials once (as after its own Basic password dialog) and caches them
            basic.driver.get("http://dispatcher:dispatcher-demo@localhost:" + port + "/api/v1/me");
            assertThat(basic.driver.getPageSource()).contains("dispatcher", "DISPATCHER");
            assertThat(attack(basic, "/publish.html")).contains("Cross-site request refused");
            assertThat(attack(basic, "/import.html")).contains("Cross-site request refused");
            assertThat(dispatcher().get("/api/v1/plans/" + planId).json().get("status").asString())
                    .as("not published through cached Basic credentials").isEqualTo("SOLVED");
            assertThat(all(dispatcher(), "/api/v1/demands").size()).as("nothing imported").isEqualTo(demand);
            // the same browser may still do what the page itself does: read, with its cached credentials
            basic.go("/api/v1/plans/" + planId);
            assertThat(basic.driver.getPageSource()).contains("SOLVED");
        }
    }
}
