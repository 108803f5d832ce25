package de.kuzmobil.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Every list answers in pages ({@code page}, {@code size}, totals), found from the API document so
 * that a new list is covered at once; only lists bounded by nature (one stop's slots, the city's
 * districts) are plain arrays.
 */
@DirtiesContext
class PagingTest extends ApiTest {

    private static final Set<String> BOUNDED = Set.of("/api/v1/public/stops/{id}/slots", "/api/v1/public/districts");

    @Test
    void everyListIsPagedAndRefusesBadPages() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        List<String> paged = new ArrayList<>();
        List<String> unpaged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            JsonNode schema = get.path("responses").path("200").path("content").path("application/json").path("schema");
            List<String> params = new ArrayList<>();
            get.path("parameters").forEach(p -> params.add(p.get("name").asString()));
            if (params.contains("page")) {
                assertThat(params).as(path.getKey()).contains("size");
                paged.add(path.getKey());
            } else if ("array".equals(schema.path("type").asString("")) && !BOUNDED.contains(path.getKey())) {
                unpaged.add(path.getKey());
            }
        }
        assertThat(unpaged).as("lists without paging").isEmpty();
        assertThat(paged).contains("/api/v1/plans", "/api/v1/demands", "/api/v1/teams", "/api/v1/sites",
                "/api/v1/service-types", "/api/v1/team-leads", "/api/v1/plans/{planId}/audit", "/api/v1/bookings",
                "/api/v1/public/stops");

        for (String list : List.of("/api/v1/demands", "/api/v1/sites", "/api/v1/teams", "/api/v1/service-types")) {
            JsonNode first = dispatcher().get(list + "?size=2").json();
            long total = first.get("page").get("totalElements").asLong();
            assertThat(total).as(list).isGreaterThan(2);
            assertThat(first.get("content").size()).as(list).isEqualTo(2);
            assertThat(first.get("page").get("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
            JsonNode second = dispatcher().get(list + "?size=2&page=1").json();
            assertThat(second.get("content").get(0)).as(list + " pages do not overlap").isNotEqualTo(first.get("content").get(0));
            assertThat(dispatcher().get(list + "?page=99999").json().get("content").size()).isZero();
            assertThat(all(dispatcher(), list).size()).as(list).isEqualTo((int) total);
            for (String bad : List.of("size=0", "size=1001", "page=-1", "size=abc")) {
                Response r = dispatcher().get(list + "?" + bad);
                assertThat(r.status()).as(list + "?" + bad).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.split("=")[0]);
            }
        }
        assertThat(dispatcher().get("/api/v1/demands").json().get("page").get("size").asInt())
                .isEqualTo(PageRequest.DEFAULT_SIZE);
        System.out.printf("PAGING lists=%d bounded-arrays=%d%n", paged.size(), BOUNDED.size());
    }
}
