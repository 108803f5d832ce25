package de.kuzmobil.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A page on another site must never act as a signed-in user: a cross-site form POST to publish and a
 * text/plain POST to the CSV import are refused with the session cookie and with Basic credentials a
 * browser cached — exactly the headers a browser sends then. The same requests from the site itself
 * (with the CSRF token) or from a script (Basic, no browser headers) go through.
 */
@DirtiesContext
class CrossSiteRequestTest extends ApiTest {

    static final String EVIL = "https://evil.example";
    static final String PUBLISH = "/api/v1/plans/999999/publish"; // refused before it is looked up
    static final String IMPORT = "/api/v1/demands/import";
    static final String BAD_CSV = "siteId,serviceType,appointments,earliestDate,latestDate\n1,NOPE,x,soon,later\n";

    /** A browser: keeps cookies, sends nothing it is not told to. */
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signInWithTheFormGivesASessionAndNeedsTheToken() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "Anmelden");

        HttpResponse<String> noToken = send(form("/login", "username=dispatcher&password=dispatcher-demo"));
        assertThat(noToken.statusCode()).as("login CSRF refused").isEqualTo(403);

        HttpResponse<String> signedIn = signIn("dispatcher", "dispatcher-demo");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dispatch/"));
        assertThat(send(HttpRequest.newBuilder(uri("/dispatch/")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/me")).GET()).body()).contains("\"DISPATCHER\"");

        HttpResponse<String> wrong = signIn("dispatcher", "wrong");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void theScreenNeedsASignInAndScriptsGetNoSession() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/dispatch/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        Response script = dispatcher().get("/api/v1/plans");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().getOrDefault("Set-Cookie", List.of())).noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID"));

        Response pageWithoutSession = anonymous().send(HttpRequest.newBuilder(uri("/api/v1/plans"))
                .header("X-Requested-With", "fetch").GET());
        assertThat(pageWithoutSession.status()).isEqualTo(401);
        assertThat(pageWithoutSession.header("WWW-Authenticate")).as("no browser password dialog").isNull();
        assertThat(anonymous().get("/api/v1/plans").header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void crossSitePostsRideNeitherOnTheSessionNorOnCachedBasicCredentials() throws Exception {
        assertThat(signIn("dispatcher", "dispatcher-demo").statusCode()).isEqualTo(302);

        // a form on evil.example posting to publish, and a text/plain "simple request" to the import
        HttpResponse<String> publish = send(crossSite(form(PUBLISH, "")));
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(publish.body()).contains("Cross-site request refused");
        HttpResponse<String> upload = send(crossSite(HttpRequest.newBuilder(uri(IMPORT))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(BAD_CSV))));
        assertThat(upload.statusCode()).isEqualTo(403);

        // the same requests from the site itself, with the token: they reach the application
        HttpResponse<String> ownPublish = send(HttpRequest.newBuilder(uri(PUBLISH)).header("Origin", origin())
                .header("Sec-Fetch-Site", "same-origin").header("X-XSRF-TOKEN", token())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ownPublish.statusCode()).as("passed the guard, the plan does not exist").isEqualTo(404);
        HttpResponse<String> ownUpload = send(HttpRequest.newBuilder(uri(IMPORT)).header("Content-Type", "text/csv")
                .header("X-XSRF-TOKEN", token()).POST(HttpRequest.BodyPublishers.ofString(BAD_CSV)));
        assertThat(ownUpload.statusCode()).as("passed the guard, the file is bad").isEqualTo(400);

        // credentials the browser cached from an earlier Basic prompt, sent along by the cross-site form
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("dispatcher:dispatcher-demo".getBytes());
        HttpClient noCookies = HttpClient.newHttpClient();
        HttpResponse<String> cachedBasicPublish = noCookies.send(crossSite(form(PUBLISH, ""))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cachedBasicPublish.statusCode()).isEqualTo(403);
        HttpResponse<String> cachedBasicUpload = noCookies.send(crossSite(HttpRequest.newBuilder(uri(IMPORT))
                .header("Content-Type", "text/plain").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(BAD_CSV))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cachedBasicUpload.statusCode()).isEqualTo(403);
        // only Sec-Fetch-Site, or only Origin, is enough to tell
        assertThat(noCookies.send(HttpRequest.newBuilder(uri(PUBLISH)).header("Authorization", basic)
                .header("Origin", EVIL).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        // a script with Basic credentials, and Swagger UI on this origin, need no token
        assertThat(dispatcher().post(IMPORT, "text/csv", BAD_CSV).status()).isEqualTo(400);
        assertThat(dispatcher().send(HttpRequest.newBuilder(uri(IMPORT)).header("Content-Type", "text/csv")
                .header("Origin", origin()).POST(HttpRequest.BodyPublishers.ofString(BAD_CSV))).status()).isEqualTo(400);
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        send(HttpRequest.newBuilder(uri("/login")).GET());
        return send(form("/login", "username=" + user + "&password=" + URLEncoder.encode(password,
                StandardCharsets.UTF_8) + "&_csrf=" + token()));
    }

    private String token() {
        return ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder crossSite(HttpRequest.Builder request) {
        return request.header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate");
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
