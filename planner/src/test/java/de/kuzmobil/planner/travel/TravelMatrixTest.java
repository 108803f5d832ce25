package de.kuzmobil.planner.travel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared access legs laid over road times, and times rounded to whole minutes. */
class TravelMatrixTest {

    static final Location BASE_A = new Location("base-a", 53.55, 10.0);
    static final Location BASE_B = new Location("base-b", 53.46, 9.98);
    static final Location TOWN = new Location("town", 53.57, 10.05);
    static final Location ISLAND = new Location("island", 53.92, 8.50);

    /** Roads between the mainland places (A-B 30 min, A-town 10 min, B-town 40 min); the island has none. */
    static TravelMatrix roads() {
        return new MatrixTravelTimes()
                .both(BASE_A.id(), BASE_B.id(), 1800, 25_000)
                .both(BASE_A.id(), TOWN.id(), 600, 5_000)
                .both(BASE_B.id(), TOWN.id(), 2400, 30_000)
                .matrix(List.of(BASE_A, BASE_B, TOWN, ISLAND));
    }

    @Test
    void accessLegJoinsTheIslandToEveryBaseAndToOtherPlacesThroughTheQuickestBase() {
        TravelMatrix roads = new TravelMatrix(roads().locations(), copy(roads(), true), copy(roads(), false),
                TravelSource.ROAD, Map.of("island", "island: no road"));
        TravelMatrix m = roads.withAccessLegs(Map.of("island", 5400L), List.of("base-a", "base-b"));
        int a = m.indexOf("base-a");
        int b = m.indexOf("base-b");
        int town = m.indexOf("town");
        int island = m.indexOf("island");

        assertThat(m.seconds(a, island)).isEqualTo(5400);
        assertThat(m.seconds(island, b)).isEqualTo(5400);
        assertThat(m.meters(a, island)).isZero();
        // town → base A (10 min) → ship; back the same way
        assertThat(m.seconds(town, island)).isEqualTo(600 + 5400);
        assertThat(m.seconds(island, town)).isEqualTo(5400 + 600);
        assertThat(m.meters(island, town)).isEqualTo(5_000);
        assertThat(m.isManual(a, island)).isTrue();
        assertThat(m.isManual(island, town)).isTrue();
        // pairs without the island keep their roads
        assertThat(m.seconds(b, town)).isEqualTo(2400);
        assertThat(m.isManual(b, town)).isFalse();
        assertThat(m.problems()).doesNotContainKey("island");
        assertThat(m.source()).isEqualTo(TravelSource.ROAD);
    }

    @Test
    void roadStaysWhereItIsQuickerThanGoingThroughABase() {
        // a site on the mainland with a declared leg from the bases (say, a ferry) and a 5 min road from town
        TravelMatrix roads = new MatrixTravelTimes()
                .both(BASE_A.id(), TOWN.id(), 600, 5_000)
                .both(TOWN.id(), ISLAND.id(), 300, 2_000)
                .both(BASE_A.id(), ISLAND.id(), 900, 7_000)
                .matrix(List.of(BASE_A, TOWN, ISLAND));
        TravelMatrix m = roads.withAccessLegs(Map.of("island", 1200L), List.of("base-a"));

        assertThat(m.seconds(m.indexOf("base-a"), m.indexOf("island"))).as("the declaration wins from a base")
                .isEqualTo(1200);
        assertThat(m.seconds(m.indexOf("town"), m.indexOf("island"))).isEqualTo(300);
        assertThat(m.isManual(m.indexOf("town"), m.indexOf("island"))).isFalse();
    }

    @Test
    void withoutLegsNothingChanges() {
        TravelMatrix roads = roads();
        assertThat(roads.withAccessLegs(Map.of(), List.of("base-a"))).isSameAs(roads);
        assertThat(roads.reachable(roads.indexOf("base-a"), roads.indexOf("island"))).isFalse();
    }

    @Test
    void wholeMinutesRoundUpAndKeepUnreachable() {
        TravelMatrix m = new MatrixTravelTimes()
                .oneWay("base-a", "town", 61, 900)
                .oneWay("town", "base-a", 60, 900)
                .matrix(List.of(BASE_A, TOWN, ISLAND)).inWholeMinutes();

        assertThat(m.seconds(0, 1)).isEqualTo(120);
        assertThat(m.seconds(1, 0)).isEqualTo(60);
        assertThat(m.seconds(0, 0)).isZero();
        assertThat(m.meters(0, 1)).isEqualTo(900);
        assertThat(m.reachable(0, 2)).isFalse();
    }

    private static long[][] copy(TravelMatrix m, boolean seconds) {
        int n = m.locations().size();
        long[][] out = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = seconds ? m.seconds(i, j) : m.meters(i, j);
            }
        }
        return out;
    }
}
