package de.kuzmobil.bench.solomon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself, on a four-customer instance whose numbers can be checked by hand. */
class SolutionCheckerTest {

    // depot (0,0) due 100; customers on the axes at distance 10, 3-4-5 triangle for 1→2.
    static final String TINY = String.join("\r\n",
            "TINY", "", "VEHICLE", "NUMBER     CAPACITY", "  2         10", "", "CUSTOMER",
            "CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME", " ",
            "    0      0          0          0          0        100          0",
            "    1      3          0          5          0         50         10",
            "    2      3          4          5         20         30         10",
            "    3      0         10          6          0         90          5",
            "    4      0        -10          4         60         70          5", "");

    @Test
    void feasibleSolutionDistanceRecomputed() {
        SolutionChecker.Result r = SolutionChecker.check(TINY, "Route #1: 1 2\nRoute #2: 3 4\n");
        // route 1: 3 + 4 + 5 = 12; route 2: 10 + 20 + 10 = 40
        assertThat(r.errors()).isEmpty();
        assertThat(r.vehicles()).isEqualTo(2);
        assertThat(r.distance()).isCloseTo(52.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void lateStartCapacityAndMissingCustomersReported() {
        // 2 before 1: start 2 at 20 (waits), 1 at 35 ok; 3 then 4: 4 starts at max(10+5+20, 60) = 60 ok.
        assertThat(SolutionChecker.check(TINY, "Route #1: 2 1\nRoute #2: 3 4\n").errors()).isEmpty();
        // 4 first, then 2: 4 starts at 60, 2 would start at 65 + dist((0,-10),(3,4)) > 30
        assertThat(SolutionChecker.check(TINY, "Route #1: 4 2\nRoute #2: 1 3\n").errors())
                .anyMatch(e -> e.contains("customer 2 starts"));
        // load 5 + 5 + 6 = 16 > 10
        assertThat(SolutionChecker.check(TINY, "Route #1: 1 2 3\nRoute #2: 4\n").errors())
                .anyMatch(e -> e.contains("above capacity"));
        assertThat(SolutionChecker.check(TINY, "Route #1: 1 2\nRoute #2: 3\n").errors())
                .anyMatch(e -> e.contains("customer 4 served 0 times"));
        assertThat(SolutionChecker.check(TINY, "Route #1: 1 2\nRoute #2: 3 4 1\n").errors())
                .anyMatch(e -> e.contains("customer 1 served 2 times"));
        assertThat(SolutionChecker.check(TINY, "Route #1: 1 2\nRoute #2: 3\nRoute #3: 4\n").errors())
                .anyMatch(e -> e.contains("fleet has 2"));
    }

    @Test
    void lateReturnToDepotReported() {
        String tight = TINY.replace("0        100          0", "0         60          0");
        // route 2: 3 ends at 15, 4 waits until 60 → back at 75 > 60
        assertThat(SolutionChecker.check(tight, "Route #1: 1 2\nRoute #2: 3 4\n").errors())
                .anyMatch(e -> e.contains("back at the depot"));
    }
}
