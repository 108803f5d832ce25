package de.kuzmobil.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.FixedClock;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hundreds of bad inputs against every write endpoint and query parameter, as a dispatcher: each must
 * be a 4xx problem document naming the field at fault, never a 5xx, and the database must be exactly
 * as before (row counts and a checksum of every table).
 */
@DirtiesContext
@Import(FixedClock.class)
class BadInputCorpusTest extends ApiTest {

    static final String WEEK = "2026-12-07";
    static final String HUGE = "x".repeat(100_000);
    static final Set<String> ENUMS = Set.of("weekday", "weekdays", "kind", "visibility", "objective");

    static final List<String> STRING_BAD = List.of("12345", "true", "{}", "[]", quoted(HUGE), "\"a\\u0000b\"",
            "\"a\\u0007b\"", "\"a\\u001Bb\"", "\"\\uD800\"", "\"a\\uDC00b\"");
    static final List<String> INT_BAD = List.of("\"12\"", "2.9", "true", "{}", "[]", "1e999",
            "99999999999999999999", "-99999999999");
    static final List<String> DOUBLE_BAD = List.of("\"53.5\"", "true", "{}", "[]", "1e999", "\"NaN\"", "-1000");
    static final List<String> BOOL_BAD = List.of("2", "0", "\"true\"", "\"yes\"", "{}", "[]");
    static final List<String> DATE_BAD = List.of("20261207", "\"2026-02-30\"", "\"+999999999-12-01\"",
            "\"-999999999-01-01\"", "\"07.12.2026\"", "\"\"", "true", "\"2026-12-07T10:00\"", "\"1850-01-01\"");
    static final List<String> TIME_BAD = List.of("\"25:00\"", "800", "\"8 Uhr\"", "\"\"", "true", "\"08:00x\"");
    static final List<String> ENUM_BAD = List.of("1", "\"FOO\"", "\"\"", "true", "{}");
    static final List<String> ARRAY_BAD = List.of("\"x\"", "5", "{}", "[null]");
    static final List<String> OBJECT_BAD = List.of("\"x\"", "5", "[]");

    @DynamicPropertySource
    static void noRateLimitHere(DynamicPropertyRegistry registry) {
        // hundreds of bookings from one address on purpose; RateLimitApiTest checks the limit
        registry.add("kuzmobil.booking.rate-limit-per-minute", () -> "100000");
    }

    @Autowired
    JdbcClient jdbc;

    /** One request and the field its problem must name (null: any problem document). */
    record Case(String name, String method, String path, String contentType, byte[] body, String field,
                Map<String, String> headers) {
    }

    final List<Case> cases = new ArrayList<>();

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    void add(String name, String method, String path, String contentType, String body, String field,
             Map<String, String> headers) {
        cases.add(new Case(name, method, path, contentType, body.getBytes(StandardCharsets.UTF_8), field, headers));
    }

    /** Every field of {@code baseline} (and of its first nested objects) spoiled in every way its type allows. */
    void mutations(String method, String path, ObjectNode baseline, Map<String, String> headers) {
        mutate(method, path, baseline, baseline, "", headers);
        for (String body : List.of("", "{", "[]", "null", "\"x\"", "{} x", "{\"noSuchField\": 1}", "{\"a\":1,}")) {
            if ((body.isEmpty() || body.equals("null")) && path.endsWith("/reoptimize")) {
                continue; // its body is optional: none (or null) means "as before"
            }
            add(method + " " + path + " body " + body, method, path, "application/json", body, null, headers);
        }
        String valid = baseline.toString();
        add(method + " " + path + " as XML", method, path, "application/xml", valid, null, headers);
        add(method + " " + path + " as text", method, path, "text/plain", valid, null, headers);
        cases.add(new Case(method + " " + path + " in UTF-16", method, path, "application/json; charset=UTF-16",
                valid.getBytes(StandardCharsets.UTF_16), null, headers));
        String big = "{\"name\": \"" + "y".repeat(5_000_000) + "\"}";
        add(method + " " + path + " 5 MB", method, path, "application/json", big, null, headers);
    }

    private void mutate(String method, String path, ObjectNode root, ObjectNode node, String prefix,
                        Map<String, String> headers) {
        for (String field : new ArrayList<>(node.propertyNames())) {
            JsonNode value = node.get(field);
            String label = prefix + field;
            List<String> bad = badValuesFor(field, value);
            for (String raw : bad) {
                ObjectNode copy = node.deepCopy();
                copy.put(field, "@@MUT@@");
                String body = spliced(root, node, copy, raw);
                add(method + " " + path + " " + label + "=" + abbreviated(raw), method, path, "application/json", body,
                        field, headers);
            }
            if (value.isObject()) {
                mutate(method, path, root, (ObjectNode) value, label + ".", headers);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                mutate(method, path, root, (ObjectNode) value.get(0), label + "[0].", headers);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isString() && !ENUMS.contains(field)) {
                for (String raw : List.of("12", quoted(HUGE), "\"a\\u0000b\"", "\"\"")) {
                    ObjectNode copy = node.deepCopy();
                    copy.putArray(field).add("@@MUT@@");
                    add(method + " " + path + " " + label + "[0]=" + abbreviated(raw), method, path, "application/json",
                            spliced(root, node, copy, raw), field, headers);
                }
            }
        }
    }

    /** The root with {@code node} replaced by {@code copy}, the marker replaced by raw JSON. */
    private static String spliced(ObjectNode root, ObjectNode node, ObjectNode copy, String raw) {
        String text = replaceNode(root, node, copy).toString();
        return text.replace("\"@@MUT@@\"", raw);
    }

    private static JsonNode replaceNode(JsonNode current, JsonNode target, JsonNode replacement) {
        if (current == target) {
            return replacement;
        }
        if (current.isObject()) {
            ObjectNode out = ((ObjectNode) current).deepCopy();
            for (String f : current.propertyNames()) {
                out.set(f, replaceNode(current.get(f), target, replacement));
            }
            return out;
        }
        if (current.isArray() && !current.isEmpty()) {
            tools.jackson.databind.node.ArrayNode out = ((tools.jackson.databind.node.ArrayNode) current).deepCopy();
            out.set(0, replaceNode(current.get(0), target, replacement));
            return out;
        }
        return current;
    }

    private static List<String> badValuesFor(String field, JsonNode value) {
        if (ENUMS.contains(field) && value.isString()) {
            return ENUM_BAD;
        }
        if (value.isString()) {
            String s = value.asString();
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return DATE_BAD;
            }
            if (s.matches("\\d{2}:\\d{2}(:\\d{2})?")) {
                return TIME_BAD;
            }
            return STRING_BAD;
        }
        if (value.isIntegralNumber()) {
            return INT_BAD;
        }
        if (value.isNumber()) {
            return DOUBLE_BAD;
        }
        if (value.isBoolean()) {
            return BOOL_BAD;
        }
        if (value.isArray()) {
            return ARRAY_BAD;
        }
        if (value.isObject()) {
            return OBJECT_BAD;
        }
        return List.of();
    }

    private static String abbreviated(String raw) {
        return raw.length() > 24 ? raw.substring(0, 12) + "…(" + raw.length() + ")" : raw;
    }

    ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    void queryCases(String path, Map<String, List<String>> params) {
        params.forEach((param, values) -> values.forEach(v -> add("GET " + path + "?" + param + "=" + abbreviated(v),
                "GET", path + "?" + param + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8), null, "",
                param, Map.of())));
    }

    void csvCases() {
        String header = "siteId,serviceType,appointments,earliestDate,latestDate,priority,note\n";
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("unterminated quote", header + "1,ID_CARD,3,2026-12-07,2026-12-11,3,\"open\n");
        csv.put("word as priority", header + "1,ID_CARD,3,2026-12-07,2026-12-11,high,x\n");
        csv.put("fraction", header + "1,ID_CARD,2.9,2026-12-07,2026-12-11,3,x\n");
        csv.put("bad date", header + "1,ID_CARD,3,2026-02-30,2026-12-11,3,x\n");
        csv.put("far date", header + "1,ID_CARD,3,+999999999-12-01,2026-12-11,3,x\n");
        csv.put("unknown site", header + "999999,ID_CARD,3,2026-12-07,2026-12-11,3,x\n");
        csv.put("unknown service", header + "1,NOPE,3,2026-12-07,2026-12-11,3,x\n");
        csv.put("huge note", header + "1,ID_CARD,3,2026-12-07,2026-12-11,3," + HUGE + "\n");
        csv.put("control character", header + "1,ID_CARD,3,2026-12-07,2026-12-11,3,a\u0007b\n");
        csv.put("semicolons", header.replace(',', ';') + "1;ID_CARD;3;2026-12-07;2026-12-11;3;x\n");
        csv.put("BOM and a bad row", "\uFEFF" + header + "1,ID_CARD,zero,2026-12-07,2026-12-11,3,x\n");
        csv.put("good rows then a bad one", header + "1,ID_CARD,3,2026-12-07,2026-12-11,3,x\n"
                + "1,ID_CARD,-3,2026-12-07,2026-12-11,3,x\n");
        csv.put("header only, unknown column", "siteId,serviceType,appointments,earliestDate,latestDate,colour\n");
        csv.put("empty", "");
        csv.put("binary", "\u0000\u0001\u0002\u00ff");
        csv.put("too many rows", header + "1,ID_CARD,3,2026-12-07,2026-12-11,3,x\n".repeat(20_001));
        csv.forEach((name, body) -> add("CSV " + name, "POST", "/api/v1/demands/import", "text/csv", body, null, Map.of()));
        add("CSV as JSON", "POST", "/api/v1/demands/import", "application/json", "{\"rows\": []}", null, Map.of());
    }

    Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        // caches, and the booking rate limit's buckets: it counts every attempt, bad ones too
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = "
                + "current_schema() and table_type = 'BASE TABLE' and table_name not in ('flyway_schema_history', "
                + "'travel_time', 'travel_location_problem', 'booking_rate_bucket') order by 1")
                .query(String.class).list();
        for (String t : tables) {
            state.put(t, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '')"
                    + " from " + t + " x").query(String.class).single());
        }
        return state;
    }

    @Test
    void everyBadInputIsAProblemNamingItsFieldAndChangesNothing() {
        JsonNode published = planAndPublish(WEEK, 3);
        long editable = dispatcher().post("/api/v1/plans/" + published.get("id").asLong() + "/reoptimize",
                "{\"solveSeconds\": 2}").json().get("id").asLong();
        JsonNode plan = awaitNotSolving(editable);
        JsonNode tour = null;
        for (JsonNode t : plan.get("tours")) {
            if (!t.get("stops").isEmpty()) {
                tour = t;
                break;
            }
        }
        String visitId = tour.get("stops").get(0).get("visitId").asString();
        String etag = dispatcher().get("/api/v1/plans/" + editable).header("ETag");

        JsonNode team = all(dispatcher(), "/api/v1/teams").get(0);
        long teamId = team.get("id").asLong();
        ObjectNode teamBody = ((ObjectNode) team).deepCopy();
        teamBody.remove("id");
        mutations("PUT", "/api/v1/teams/" + teamId, teamBody, Map.of());
        ObjectNode newTeam = teamBody.deepCopy();
        newTeam.put("name", "Neues Team");
        mutations("POST", "/api/v1/teams", newTeam, Map.of());

        JsonNode site = all(dispatcher(), "/api/v1/sites").get(0);
        long siteId = site.get("id").asLong();
        ObjectNode siteBody = ((ObjectNode) site).deepCopy();
        siteBody.remove("id");
        siteBody.put("note", "Hinweis");
        siteBody.set("accessLeg", object("{\"description\": \"Schiff\", \"minutesEachWay\": 60, "
                + "\"weekdays\": [\"WEDNESDAY\"]}"));
        if (siteBody.get("monthlyWindows").isEmpty()) {
            siteBody.set("monthlyWindows", JSON.readTree("[{\"weekOfMonth\": 1, \"weekday\": \"MONDAY\", "
                    + "\"start\": \"09:00\", \"end\": \"12:00\"}]"));
        }
        mutations("PUT", "/api/v1/sites/" + siteId, siteBody, Map.of());
        ObjectNode newSite = siteBody.deepCopy();
        newSite.put("name", "Neuer Ort");
        mutations("POST", "/api/v1/sites", newSite, Map.of());

        JsonNode type = all(dispatcher(), "/api/v1/service-types").get(0);
        mutations("PUT", "/api/v1/service-types/" + type.get("code").asString(), ((ObjectNode) type).deepCopy(), Map.of());
        ObjectNode newType = ((ObjectNode) type).deepCopy();
        newType.put("code", "XTEST");
        mutations("POST", "/api/v1/service-types", newType, Map.of());

        JsonNode demand = all(dispatcher(), "/api/v1/demands").get(0);
        ObjectNode demandBody = ((ObjectNode) demand).deepCopy();
        demandBody.remove("id");
        demandBody.put("note", "Bedarf");
        mutations("PUT", "/api/v1/demands/" + demand.get("id").asLong(), demandBody, Map.of());
        mutations("POST", "/api/v1/demands", demandBody.deepCopy(), Map.of());

        mutations("POST", "/api/v1/plans", object("{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 5, "
                + "\"objective\": \"LEAST_DRIVING\"}"), Map.of());
        mutations("POST", "/api/v1/plans/" + editable + "/reoptimize", object("{\"solveSeconds\": 5, "
                + "\"objective\": \"LEAST_DRIVING\"}"), Map.of());
        mutations("PATCH", "/api/v1/plans/" + editable + "/visits/" + visitId, object("{\"teamId\": "
                + tour.get("teamId").asLong() + ", \"date\": \"" + tour.get("date").asString() + "\", \"position\": 0,"
                + " \"pinned\": true, \"pinnedStart\": \"09:00\", \"unassign\": false}"), Map.of("If-Match", etag));

        JsonNode stop = anonymous().get("/api/v1/public/stops?from=" + WEEK + "&to=2026-12-13").json()
                .get("content").get(0);
        String service = stop.get("services").get(0).asString();
        mutations("POST", "/api/v1/public/stops/" + stop.get("id").asLong() + "/bookings", object("{\"service\": \""
                + service + "\", \"name\": \"Erika Mustermann\", \"email\": \"erika@example.org\", \"phone\": \"040 1234\","
                + " \"slotStart\": \"" + stop.get("start").asString() + "\"}"), Map.of());

        List<String> dates = List.of("morgen", "2026-02-30", "+999999999-12-01", "-5", "20261207", "1850-01-01");
        queryCases("/api/v1/public/stops", Map.of("from", dates, "to", dates,
                "district", List.of("Pinneberg", HUGE.substring(0, 5000)), "service", List.of("FOO", "\u0000"),
                "near", List.of("99999", "91,200", "abc", "53.5", "NaN,NaN"),
                "radiusKm", List.of("-1", "0", "1e9", "abc", "NaN"),
                "page", List.of("-1", "abc", "99999999999"), "size", List.of("0", "201", "abc")));
        queryCases("/api/v1/public/stops.ics", Map.of("from", dates, "to", dates, "service", List.of("FOO"),
                "radiusKm", List.of("5")));
        queryCases("/api/v1/bookings", Map.of("week", List.of("abc", "2026-02-30", "+999999999-12-01", "")));
        for (String list : List.of("/api/v1/plans", "/api/v1/demands", "/api/v1/teams", "/api/v1/sites",
                "/api/v1/service-types", "/api/v1/team-leads", "/api/v1/plans/" + editable + "/audit")) {
            queryCases(list, Map.of("page", List.of("-1", "abc", "99999999999", "1.5"),
                    "size", List.of("0", "1001", "abc", "-5", "1e3")));
        }
        mutations("PUT", "/api/v1/team-leads/teamlead/teams",
                object("{\"teamIds\": [" + team.get("id").asLong() + "]}"), Map.of());
        for (String path : List.of("/api/v1/plans/abc", "/api/v1/plans/99999999999999999999", "/api/v1/teams/abc",
                "/api/v1/public/stops/abc", "/api/v1/public/bookings/" + "x".repeat(2000), "/api/v1/sites/-1",
                "/api/v1/public/..%2fteams", "/api/v1/public/stops/1%00")) {
            add("GET " + abbreviated(path), "GET", path, null, "", null, Map.of());
        }
        csvCases();

        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(c.path()))
                    .method(c.method(), c.body().length == 0 && c.method().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            c.headers().forEach(request::header);
            Response r = dispatcher().send(request);
            String problem = check(c, r);
            if (problem != null) {
                failures.add(c.name() + " → " + problem);
            }
        }
        Map<String, String> after = snapshot();
        System.out.printf("BAD_INPUT_CORPUS cases=%d failures=%d%n", cases.size(), failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(cases.size()).isGreaterThanOrEqualTo(300);
        assertThat(failures).isEmpty();
        assertThat(after).as("database unchanged").isEqualTo(before);
    }

    private static String check(Case c, Response r) {
        if (r.status() < 400 || r.status() >= 500 || r.status() == 401 || r.status() == 403) {
            return r.status() + " " + shortened(r.body());
        }
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return r.status() + " not a problem document (" + type + ")";
        }
        if (c.field() == null) {
            return null;
        }
        JsonNode p;
        try {
            p = JSON.readTree(r.body());
        } catch (RuntimeException e) {
            return "unreadable problem";
        }
        String named = p.path("errors").toString() + " " + p.path("detail").asString("");
        return named.toLowerCase().contains(c.field().toLowerCase()) ? null
                : r.status() + " does not name " + c.field() + ": " + shortened(named);
    }

    private static String shortened(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
