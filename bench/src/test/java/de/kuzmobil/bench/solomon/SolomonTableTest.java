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
        // by family: C1 (C103) and R2 (R201) alone, R1 (R103)
        assertThat(md).contains("| R2 | 1 | +3.00 % | +0.00 | +4.00 % | +0.00 | 0/0 |");
        assertThat(md).contains("| C1 | 1 | +0.00 % | +0.00 | +1.00 % | +0.00 | 0/0 |");
    }

    @Test
    void oursAtTheBestKnownVehicleCountPerSet(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, HEADER
                + "R102,hierarchical,ours,30,29.6,18,1500,true,1,17,1486.12,0.94,1,\n"
                + "R104,hierarchical,ours,30,29.6,9,1037,true,1,9,1007.24,2.95,0,\n"
                + "R106,hierarchical,ours,30,29.6,12,1264,true,1,12,1251.98,0.97,0,\n"
                + "rc1_2_10,hierarchical,ours,60,59.6,18,2900,true,1,18,2800,3.57,0,\n");

        String md = SolomonTable.markdown(csv.toString());

        assertThat(md).contains("| R102 | unseen | 17 / 1486.12 | 18 / 1500.00 (+0.94 %) | 1 |");
        assertThat(md).contains("| all | 4 | 1 | 3 | +2.50 % | +3.57 % |");
        assertThat(md).contains("| unseen | 3 | 1 | 2 | +1.96 % | +2.95 % |");
        assertThat(md).contains("| R1 | 3 | 1 | 2 | +1.96 % | +2.95 % |");
        assertThat(md).contains("| RC1 200 | 1 | 0 | 1 | +3.57 % | +3.57 % |");
    }
}
