package de.kuzmobil.data.travel;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CachedTravelTimesTest {

    static TestSchema db;

    static final Location BASE = new Location("team-1", 53.5717, 10.0708);
    static final Location BRAMFELD = new Location("site-1", 53.608611, 10.0725);
    static final Location VOLKSDORF = new Location("site-2", 53.64946, 10.167887);
    static final Location NEUWERK = new Location("site-3", 53.921111, 8.500556);

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    /** Counts every leg it is asked for; Neuwerk has no road connection. */
    static class CountingRouter implements MatrixRouter {
        final String graphVersion;
        long legs;

        CountingRouter(String graphVersion) {
            this.graphVersion = graphVersion;
        }

        public String profile() {
            return "car";
        }

        public String graphVersion() {
            return graphVersion;
        }

        public TravelSource source() {
            return TravelSource.ROAD;
        }

        public Block route(List<Location> sources, List<Location> targets) {
            long[][] s = new long[sources.size()][targets.size()];
            long[][] m = new long[sources.size()][targets.size()];
            Map<String, String> problems = new HashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                for (int j = 0; j < targets.size(); j++) {
                    legs++;
                    boolean island = sources.get(i).equals(NEUWERK) ^ targets.get(j).equals(NEUWERK);
                    s[i][j] = island ? TravelMatrix.UNREACHABLE : 60L * (i + 1) * (j + 2) + graphVersion.length();
                    m[i][j] = island ? TravelMatrix.UNREACHABLE : 500L * (i + j);
                    if (island) {
                        problems.put(NEUWERK.id(), "Neuwerk: other road component");
                    }
                }
            }
            return new Block(s, m, problems);
        }
    }

    @Test
    void secondPlanOverSameSitesRoutesNothingAndNewSitesOnlyTheirRowsAndColumns() {
        CountingRouter router = new CountingRouter("gh-11.0/test-a");
        CachedTravelTimes cached = new CachedTravelTimes(router, new TravelTimeCache(db.jdbc()));
        List<Location> three = List.of(BASE, BRAMFELD, VOLKSDORF);

        TravelMatrix first = cached.matrix(three);
        assertThat(router.legs).isEqualTo(9);

        TravelMatrix second = cached.matrix(three);
        assertThat(router.legs).as("re-plan over the same sites routes nothing").isEqualTo(9);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(second.seconds(i, j)).isEqualTo(first.seconds(i, j));
                assertThat(second.meters(i, j)).isEqualTo(first.meters(i, j));
            }
        }

        // one more site: its row (4 legs) and column to the three old ones (3 legs)
        TravelMatrix four = cached.matrix(List.of(BASE, BRAMFELD, VOLKSDORF, NEUWERK));
        assertThat(router.legs).isEqualTo(9 + 4 + 3);
        assertThat(four.reachable(four.indexOf("team-1"), four.indexOf("site-3"))).isFalse();
        assertThat(four.problems()).containsEntry("site-3", "Neuwerk: other road component");
        assertThat(four.seconds(four.indexOf("team-1"), four.indexOf("site-2")))
                .isEqualTo(first.seconds(0, 2));

        // the reason survives in the cache too
        CountingRouter same = new CountingRouter("gh-11.0/test-a");
        TravelMatrix again = new CachedTravelTimes(same, new TravelTimeCache(db.jdbc()))
                .matrix(List.of(NEUWERK, BASE));
        assertThat(same.legs).isZero();
        assertThat(again.problems()).containsKey("site-3");
    }

    @Test
    void newGraphVersionRecomputes() {
        List<Location> two = List.of(BASE, BRAMFELD);
        CountingRouter v1 = new CountingRouter("gh-11.0/x");
        new CachedTravelTimes(v1, new TravelTimeCache(db.jdbc())).matrix(two);
        assertThat(v1.legs).isEqualTo(4);

        CountingRouter v2 = new CountingRouter("gh-11.0/xy");
        TravelMatrix m = new CachedTravelTimes(v2, new TravelTimeCache(db.jdbc())).matrix(two);
        assertThat(v2.legs).as("a new graph version invalidates the cached legs").isEqualTo(4);
        assertThat(m.seconds(0, 1)).isEqualTo(60L * 1 * 3 + "gh-11.0/xy".length());
    }
}
