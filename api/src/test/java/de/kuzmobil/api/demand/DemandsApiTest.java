package de.kuzmobil.api.demand;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

@DirtiesContext
class DemandsApiTest extends ApiTest {

    long siteId(String name) {
        for (JsonNode s : all(anonymous(), "/api/v1/sites")) {
            if (s.get("name").asString().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no demo site " + name);
    }

    int demandCount() {
        return all(dispatcher(), "/api/v1/demands").size();
    }

    @Test
    void csvImportIsAllOrNothingAndNamesEveryBadRowAndColumn() {
        long neuwerk = siteId("Neuwerk (Insel)");
        int before = demandCount();
        String bad = """
                siteId,serviceType,appointments,earliestDate,latestDate,priority,note
                %d,ID_CARD,4,2026-12-14,2026-12-18,5,fine row
                %d,ID_CARD,-2,2026-12-14,2026-12-18,3,negative
                999999,TELEPORT,3,2026-12-14,2026-12-18,3,unknown ids
                %d,PASSPORT,3,2026-12-18,2026-12-14,9,dates reversed and priority too high
                %d,PASSPORT,three,14.12.2026,2026-12-18,3,not a number nor a date
                """.formatted(neuwerk, neuwerk, neuwerk, neuwerk);
        Response r = dispatcher().post("/api/v1/demands/import", "text/csv", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("row 3, column appointments", "row 5, column latestDate",
                "row 5, column priority", "row 6, column appointments", "row 6, column earliestDate");
        // a row is checked like a JSON body: the same words for the same value
        Response json = dispatcher().post("/api/v1/demands", """
                {"siteId": %d, "serviceType": "ID_CARD", "appointments": -2,
                 "earliestDate": "2026-12-14", "latestDate": "2026-12-18"}""".formatted(neuwerk));
        assertThat(json.status()).isEqualTo(400);
        assertThat(message(r, "row 3, column appointments")).isEqualTo(message(json, "appointments"))
                .isNotBlank();
        assertThat(demandCount()).as("nothing stored").isEqualTo(before);

        // rows that parse but name unknown ids are reported too, still storing nothing
        Response unknown = dispatcher().post("/api/v1/demands/import", "text/csv", """
                siteId,serviceType,appointments,earliestDate,latestDate
                %d,ID_CARD,4,2026-12-14,2026-12-18
                999999,TELEPORT,3,2026-12-14,2026-12-18
                """.formatted(neuwerk));
        assertThat(unknown.status()).isEqualTo(400);
        List<String> unknownFields = new ArrayList<>();
        unknown.json().get("errors").forEach(e -> unknownFields.add(e.get("field").asString()));
        assertThat(unknownFields).containsExactly("row 3, column siteId", "row 3, column serviceType");
        assertThat(demandCount()).isEqualTo(before);

        Response good = dispatcher().post("/api/v1/demands/import", "text/csv", """
                siteId,serviceType,appointments,earliestDate,latestDate,priority,note
                %d,ID_CARD,4,2026-12-14,2026-12-18,5,island
                %d,REGISTRATION,2,2026-12-14,2026-12-18,,
                """.formatted(neuwerk, neuwerk));
        assertThat(good.status()).isEqualTo(201);
        assertThat(good.json().get("imported").asInt()).isEqualTo(2);
        assertThat(demandCount()).isEqualTo(before + 2);
    }

    private static String message(Response problem, String field) {
        for (JsonNode error : problem.json().get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem.body());
    }

    @Test
    void jsonDemandWithUnknownIdsIsAProblemNamingTheField() {
        int before = demandCount();
        Response r = dispatcher().post("/api/v1/demands", """
                {"siteId": 999999, "serviceType": "ID_CARD", "appointments": 3,
                 "earliestDate": "2026-12-14", "latestDate": "2026-12-18"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("siteId");
        Response zero = dispatcher().post("/api/v1/demands", """
                {"siteId": %d, "serviceType": "ID_CARD", "appointments": 0,
                 "earliestDate": "2026-12-14", "latestDate": "2026-12-18"}""".formatted(siteId("Bramfeld")));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("appointments");
        assertThat(demandCount()).isEqualTo(before);
        assertThat(teamLead().get("/api/v1/demands").status()).as("no master data for team leads").isEqualTo(403);
    }

    @Test
    void teamsCanBeCreatedWithDefaultBreakRule() {
        Response r = dispatcher().post("/api/v1/teams", """
                {"name": "Mobiles Team Test", "baseName": "Harburg", "baseLatitude": 53.4591, "baseLongitude": 9.978,
                 "maxAppointmentsPerDay": 30, "skills": ["biometric"],
                 "shifts": [{"date": "2026-12-14", "start": "08:00", "end": "16:00"}]}""");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("breakRule").get("minutesOver6h").asInt()).isEqualTo(30);
        assertThat(r.json().get("breakRule").get("minutesOver9h").asInt()).isEqualTo(45);
        Response bad = dispatcher().post("/api/v1/teams", """
                {"name": "Bad", "baseName": "Harburg", "baseLatitude": 53.4591, "baseLongitude": 9.978,
                 "maxAppointmentsPerDay": 30, "skills": ["biometric"],
                 "shifts": [{"date": "2026-12-14", "start": "16:00", "end": "08:00"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).startsWith("shifts[0]");
    }
}
