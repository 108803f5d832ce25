package de.kuzmobil.bench.solomon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The averages and the same-vehicle comparison of docs/benchmarks.md, on rows small enough to add up by hand. */
class SolomonTableTest {

    private static final String HEADER = "instance,objective,solver,budget_s,seconds,vehicles,distance,feasible,"
            + "moves_per_s,bks_vehicles,bks_distance,gap_pct,extra_vehicles,config\n";

    @Test
    void averagesAndSameVehicleComparison(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, HEADER
                // R103 tuning: ours at the best-known count, the peer one above and shorter
                + "R103,hierarchical,ours,30,29.6,13,1310,true,1,13,1300,1.00,0,\n"
                + "R103,hierarchical,jsprit,30,29.6,14,1235,true,,13,1300,-5.00,1,\n"
                // C103, R201 held out: same counts
                + "C103,hierarchical,ours,30,29.6,10,828,true,1,10,828,0.00,0,\n"
                + "C103,hierarchical,jsprit,30,29.6,10,836,true,,10,828,1.00,0,\n"
                + "R201,hierarchical,ours,30,29.6,4,1290,true,1,4,1250,3.00,0,\n"
                + "R201,hierarchical,jsprit,30,29.6,4,1300,true,,4,1250,4.00,0,\n");

        String md = SolomonTable.markdown(csv.toString());

        assertThat(md).contains("| R103 | tuning | 13 / 1300.00 | 13 / 1310.00 (+1.00 %) | 14 / 1235.00 (-5.00 %) | 1 |");
        assertThat(md).contains("| all | 3 | +1.33 % | +0.00 | +0.00 % | +0.33 | 0/0 |");
        assertThat(md).contains("| held-out | 2 | +1.50 % | +0.00 | +2.50 % | +0.00 | 0/0 |");
        // ours fewer on R103; same count on C103 and R201: ours (0 + 3) / 2, jsprit (1 + 4) / 2
        assertThat(md).contains("| jsprit | 1 | 0 | 2 | +1.50 % | +2.50 % |");
    }
}
